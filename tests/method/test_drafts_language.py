"""Only English drafts are read: another language said plainly, short drafts never misjudged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anew.method.drafts.coach import NOT_ENGLISH, coach
from anew.method.drafts.language import is_english
from anew.method.drafts.rules import Context

LABELLED = Path(__file__).parents[1] / "data" / "drafts.jsonl"


def test_every_labelled_draft_reads_in_the_language_it_was_labelled_in() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text().splitlines() if line]
    foreign = [row["text"] for row in rows if "not_english" in row["flags"]]
    assert len(foreign) >= 15  # blind batch C's drafts in Welsh, Tagalog, Greek, Hindi, ...
    assert [
        row["text"] for row in rows if is_english(row["text"]) == (row["text"] in foreign)
    ] == []


@pytest.mark.parametrize(
    "draft",
    [
        "Hola, ¿cómo estás? Te extraño mucho",
        "Je t'aime encore, tu me manques tellement",
        "Ich vermisse dich so sehr, bitte ruf mich an",
        "grazie mille per tutto, ci vediamo domani",
        "Kannst du morgen die Kinder abholen?",
        "Eu sinto muito a tua falta, você está bem?",
        "Ik mis je echt heel erg, bel me",
        "Я скучаю по тебе, ответь мне",
        "我很想你，你什么时候回来",
        "Tum bahut yaad aate ho. Kya hum ek baar baat kar sakte hain?",
        "Eres un mentiroso y un cobarde, no vuelvas a buscarme.",
        "Ek mis jou elke dag, Johan.",
        "Imran main sorry hoon, please baat karo",
        "¿Vas a recoger a los niños el sábado?",
        "Imran, Zara ki fees kal tak jama karni hai, please bhej do.",
        "Pieter, die kinders moet Vrydag om vyf by die skool gelaai word.",
        "Mepa wo kyɛw, fa me nneɛma no brɛ me Memeneda",
        "Oye, ¿vas a venir a la fiesta de Sofía o no? Dime ya.",
        "Ik zit in de bus, de deur is open",
        "Giv dem en gave fra mig",
        "Kungani ungaphenduli? Ngisakulindile lapha, Sipho",
        "Tha mi gad ionndrainn. Tha an taigh cho sàmhach.",
        "Przepraszam za wczoraj, przesadziłam",
        "Nitakuletea Imani Jumamosi saa nne asubuhi",
        "Kofi, fa mmofra no bra Kwasiada",
        "Ya no aguanto, por favor contéstame",
        "Ngiyaxolisa ngalokho engikushilo izolo",
        "Poukisa ou kite m konsa",
        "A que horas vens buscar a Bea e quem a traz de volta?",
    ],
)
def test_a_draft_in_another_language_is_not_read_as_english(draft: str) -> None:
    assert not is_english(draft)
    verdict = coach(draft)
    assert verdict.verdict == "unread"
    assert [flag.code for flag in verdict.flags] == ["not_english"]
    assert verdict.flags[0].message == NOT_ENGLISH
    assert verdict.suggestion is None


@pytest.mark.parametrize(
    "draft",
    [
        "ok",
        "sí",
        "merci!",
        "gracias x",
        "te quiero",
        "haha ok",
        "u up?",
        "soz running l8 x",
        "Can you drop Mia at Oma's at 5?",
        "Bring Zoë's recorder to Café Nero on Tuesday",
        "sorry, could you move the van?",
        "thx, see u at the bus stop 😊",
        "DON'T bring him to the wedding",
        "wya rn bruh fr fr",
        "Liam Noah Olivia Emma Ava",
        "ok see u at 5 x",
        "cyaan sleep, keep thinking bout yuh",
        "Could you move the van?",
        "¡Hola! Can you pick the kids up at 5 tomorrow?",
        "Happy birthday José, from all of us",
        "Héctor, Inés and Zoë are at Renée's tonight",
    ],
)
def test_short_drafts_names_and_texting_are_read_as_english(draft: str) -> None:
    assert is_english(draft)
    assert coach(draft).verdict != "unread"


def test_what_does_not_depend_on_the_words_still_stands() -> None:
    draft = "Ich vermisse dich so sehr, bitte ruf mich an"
    held = coach(draft, Context(stage="no-contact"))
    assert held.verdict == "dont_send"
    assert [flag.code for flag in held.flags] == ["no_contact", "not_english"]
    waiting = coach(draft, Context(last_from="me"))
    assert waiting.verdict == "wait"
    assert [flag.code for flag in waiting.flags] == ["not_english", "double_text"]
