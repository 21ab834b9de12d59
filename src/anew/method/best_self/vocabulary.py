"""Step 5's words: the three lists of the qualities board."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class QualityList(Vocabulary):
    HE_VALUED = (
        "he_valued",
        "What he valued in me, or wanted more of",
        "Be honest and discerning: keep what you would like to grow for yourself.",
    )
    I_VALUE = (
        "i_value",
        "What I value in myself",
        "Your kindness, your humour, your determination: write them down, even if it feels odd.",
    )
    MY_STRENGTHS = (
        "my_strengths",
        "My own strengths and personality",
        "What makes you you, whether or not anyone else noticed.",
    )
