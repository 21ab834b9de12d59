"""The screening questions, each answered yes or no, where yes is always the worrying answer.

They cover the areas that published screening tools for intimate partner violence ask about (fear,
control, isolation, monitoring, threats, physical and sexual violence, strangulation, threats of
self-harm, stalking), in plain words written for Anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["concern", "danger"]


@dataclass(frozen=True)
class Question:
    """One question; `why` is shown with the result when she answered yes."""

    id: str
    area: str
    text: str
    level: Level
    why: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "afraid",
        "fear",
        "Were you ever afraid of him, or careful about everything you said so he wouldn't get "
        "angry?",
        "concern",
        "Feeling afraid of a partner is one of the clearest signs that something was wrong. "
        "Your fear is worth listening to.",
    ),
    Question(
        "money",
        "control",
        "Did he control the money: keep you from your own money, make you ask for it, or take "
        "out debts in your name?",
        "concern",
        "Controlling money takes away your freedom to leave or to choose for yourself.",
    ),
    Question(
        "friends",
        "control",
        "Did he decide whom you could see, or make it hard for you to spend time with your "
        "friends or family?",
        "concern",
        "Deciding whom you see is a form of control, even when it is called love or jealousy.",
    ),
    Question(
        "isolated",
        "isolation",
        "By the end, were you more cut off from the people close to you than before you met him?",
        "concern",
        "Isolation often grows slowly, and it makes it harder to get support when you need it.",
    ),
    Question(
        "phone",
        "monitoring",
        "Did he go through your phone, messages or accounts, or insist on having your passwords?",
        "concern",
        "Checking your phone and accounts is monitoring. You are allowed a private life.",
    ),
    Question(
        "tracking",
        "monitoring",
        "Did he track where you were, through your phone's location, constant calls, or by "
        "turning up where you were without warning?",
        "concern",
        "Tracking where you are is monitoring, and it can continue after a breakup.",
    ),
    Question(
        "put_downs",
        "emotional abuse",
        "Did he often put you down, humiliate you or call you names, alone or in front of others?",
        "concern",
        "Constant put-downs wear away how you see yourself. They were never your fault.",
    ),
    Question(
        "threats",
        "threats",
        "Has he ever threatened to hurt you, your children, your pets or anyone close to you?",
        "danger",
        "Threats of harm are serious on their own, whether or not he has acted on them.",
    ),
    Question(
        "weapon",
        "threats",
        "Has he ever used, or shown you, a weapon to frighten you?",
        "danger",
        "A weapon used to frighten someone greatly raises the risk of serious harm.",
    ),
    Question(
        "physical",
        "physical violence",
        "Has he ever pushed, grabbed, slapped, hit, kicked or in any other way hurt you?",
        "danger",
        "Any physical violence is abuse, however rarely it happened and whatever came before it.",
    ),
    Question(
        "choking",
        "physical violence",
        "Has he ever put his hands around your neck, choked or strangled you, even once?",
        "danger",
        "Strangulation, even once and even without marks, is one of the strongest warning signs "
        "of future serious harm.",
    ),
    Question(
        "sexual",
        "sexual violence",
        "Has he ever pressured or forced you into sex or sexual acts you didn't want?",
        "danger",
        "Sex you did not freely want is sexual violence, also inside a relationship.",
    ),
    Question(
        "self_harm",
        "threats",
        "Has he threatened to hurt or kill himself, or someone else, if you left him?",
        "danger",
        "Threats of self-harm used to keep you close are a form of control, and a warning sign. "
        "His safety is not your responsibility to carry alone.",
    ),
    Question(
        "stalking",
        "stalking",
        "Since the breakup, has he followed you, waited near your home or work, or kept "
        "contacting you after you asked him to stop?",
        "danger",
        "Following you or refusing to stop contact after a breakup is stalking, and stalking "
        "after a separation is linked with a higher risk of harm.",
    ),
)

QUESTIONS_BY_ID = {question.id: question for question in QUESTIONS}
ANSWERS = ("yes", "no")
