"""Step 6's words: the makeover plan's categories and the two kinds of photo."""

from __future__ import annotations

from anew.vocabulary import Vocabulary


class MakeoverCategory(Vocabulary):
    HAIR = "hair", "Hair"
    WARDROBE = "wardrobe", "Wardrobe"
    FITNESS = "fitness", "Fitness"
    SKIN = "skin", "Skin"
    STYLE = "style", "Style"
    OTHER = "other", "Other"


class PhotoKind(Vocabulary):
    BEFORE = "before", "Before"
    AFTER = "after", "After"
