from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from anew.method.drafts.quality import evaluate
from anew.method.drafts.reading import sentences_of
from anew.method.drafts.rules import Context, check_draft

DATA = Path(__file__).resolve().parents[1] / "data" / "drafts.jsonl"


def _codes(text: str, **context: object) -> set[str]:
    return {flag.code for flag in check_draft(text, Context(**context)).flags}  # type: ignore[arg-type]


def test_during_no_contact_the_answer_is_always_the_vault() -> None:
    verdict = check_draft("Sounds good, see you.", Context(stage="no-contact"))
    assert verdict.verdict == "dont_send"
    assert [flag.code for flag in verdict.flags] == ["no_contact"]
    assert (
        check_draft("Pickup is at 4.", Context(stage="no-contact", logistics=True)).verdict
        == "send"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I still miss you, please come back.", "needy"),
        ("I'm so sorry about everything.", "apology"),
        ("How are you? Are you seeing someone?", "questions"),
        ("I've been crying since Sunday.", "overshare"),
        ("WHY ARE YOU DOING THIS", "intense"),
    ],
)
def test_each_flag_is_found_and_located(text: str, code: str) -> None:
    verdict = check_draft(text)
    flag = next(f for f in verdict.flags if f.code == code)
    assert verdict.verdict == "rewrite"
    assert flag.message
    if flag.start is not None:
        assert flag.end is not None
        assert text[flag.start : flag.end].strip()


def test_length_is_judged_against_his_message() -> None:
    short_his = "hey, you ok?"
    assert "too_long" in _codes(
        "I am fine, thank you, the week has been long but good in the end really",
        his_last=short_his,
    )
    assert "too_long" not in _codes("Fine thanks, busy week.", his_last=short_his)
    assert "too_long" in _codes(" ".join(["word"] * 51))


def test_timing_and_turn_taking_only_ask_her_to_wait() -> None:
    late = check_draft("See you tomorrow.", Context(at=datetime(2026, 11, 26, 23, 30)))
    assert late.verdict == "wait"
    assert check_draft("Did you get it.", Context(last_from="me")).verdict == "wait"
    assert (
        check_draft(
            "See you tomorrow.", Context(at=datetime(2026, 11, 26, 19, 0), last_from="him")
        ).verdict
        == "send"
    )


def test_everyday_messages_pass() -> None:
    for text in (
        "Happy birthday, hope it's a good one.",
        "Come back to the office whenever you like.",
        "Sure, 3pm.",
    ):
        assert check_draft(text).verdict == "send", text


def test_the_labelled_set_meets_the_quality_bar() -> None:
    for code, row in evaluate(DATA).items():
        assert row["precision"] >= 0.9, (code, row)
        assert row["recall"] >= 0.9, (code, row)


def test_the_labelled_set_is_large_and_covers_every_flag() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) >= 300
    counts = Counter(code for row in rows for code in row["flags"])
    for code in ("needy", "apology", "questions", "overshare", "intense"):
        assert counts[code] >= 40, (code, counts[code])
    for code in ("too_long", "late_night", "double_text", "no_contact"):
        assert counts[code] >= 8, (code, counts[code])
    assert sum(1 for row in rows if not row["flags"]) >= 150  # drafts that should pass, too


@pytest.mark.parametrize(
    "text",
    [
        "I'm so sorry to hear your aunt passed away.",
        "Sorry for your loss.",
        "No need to apologise, it's fine.",
    ],
)
def test_sympathy_and_reassurance_are_not_apologies(text: str) -> None:
    assert "apology" not in _codes(text)


def test_an_apology_in_other_words_is_found() -> None:
    assert "apology" in _codes("That was a mistake on my part.")
    assert "apology" in _codes("Sorry, running late.")  # a small one still counts


def test_questions_are_counted_as_asked_not_as_marks() -> None:
    assert "questions" not in _codes("What???")
    assert "questions" not in _codes("Are you picking them up or am I?")
    assert "questions" in _codes("how are you what are you doing this weekend")
    assert "questions" in _codes("Are you serious?! You sold the car?!")
    assert "questions" in _codes(
        "hello?? did u get my text about the keys"
    )  # the last one unmarked


def test_a_curly_apostrophe_reads_like_a_straight_one() -> None:
    flag = next(f for f in check_draft("I can\u2019t live without you.").flags if f.code == "needy")
    assert flag.start is not None
    assert flag.end is not None
    assert "without" in "I can\u2019t live without you."[flag.start : flag.end]


def test_longing_is_found_in_words_no_list_names_whole() -> None:
    for text in (
        "I miss your laugh.",
        "I wish you were next to me.",
        "Are we really over?",
        "ur the only one who gets me",  # texting shorthand
    ):
        assert "needy" in _codes(text), text
    for text in ("I miss the sea.", "I need you to sign the form.", "Do you want the lamp?"):
        assert "needy" not in _codes(text), text


def test_her_own_pain_is_overshare_but_remorse_and_anger_are_not() -> None:
    assert "overshare" in _codes("I feel completely broken.")
    assert "overshare" not in _codes("I feel terrible about what I said, sorry.")
    assert "overshare" not in _codes("I'm furious.")
    assert "overshare" not in _codes("I learnt to surf, badly.")


def test_strong_feeling_is_judged_sentence_by_sentence() -> None:
    calm_but_long = (
        "Thank you! Christmas was quiet but lovely, I went to my aunt's and we played games all "
        "evening and ate far too much cake, and I even won at charades for once."
    )
    assert "intense" not in _codes(calm_but_long)
    assert "intense" in _codes("You're a terrible father.")
    assert "intense" in _codes("How could you be so cruel?")


def test_longing_words_in_practical_messages_are_not_needy() -> None:
    for text in (
        "The kids miss you, can you ring them tonight?",
        "Whenever you're ready, send me the account number.",
        "I miss the old bakery on our street, it closed last month.",
    ):
        assert "needy" not in {flag.code for flag in check_draft(text).flags}, text
    for text in (
        "I miss you, can you ring me tonight?",
        "Whenever you're ready to talk, I'm here.",
        "Without you every day drags.",
    ):
        assert "needy" in {flag.code for flag in check_draft(text).flags}, text


def test_two_questions_under_one_mark_count_as_two() -> None:
    assert "questions" in {f.code for f in check_draft("Which day suits you, and what time?").flags}
    assert "questions" not in {f.code for f in check_draft("Which day suits you on Friday?").flags}


def test_questions_joined_by_a_comma_or_by_and_count_but_a_choice_is_one() -> None:
    assert "questions" in _codes("Where are you, who are you with?")
    assert "questions" in _codes("What time's pickup and should I pack lunch?")
    assert "questions" in _codes("Is it Friday, and why so early?")
    assert "questions" not in _codes("Do you want the lamp or shall I keep it?")
    assert "questions" not in _codes("Did you see Anna, who was at the party?")


def test_keepsakes_on_show_old_times_and_accusations() -> None:
    assert "needy" in _codes("Our photo is still my lock screen.")
    assert "needy" in _codes("I can't bring myself to delete your number.")
    assert "needy" in _codes("Come for a drink, like old times.")
    assert "needy" not in _codes("I can't bring myself to go to the gym lately.")
    assert "intense" in _codes("How could you say that to me")
    assert "overshare" in _codes("Drinking on my own most nights.")


def test_batches_12_to_14_wording_for_questions_apologies_and_anger() -> None:
    assert "questions" in _codes("When's the handover and where?")
    assert "questions" in _codes("who's picking up, you or your mum, and what time")
    assert "questions" in _codes("Which dentist are we using now and is it still Tuesdays?")
    assert "questions" not in _codes("I'll take what's left of the paint")
    assert _codes("I feel terrible about how I spoke to you.") & {"apology", "overshare"} == {
        "apology"
    }
    assert "apology" in _codes("Forgive the long message.")
    for hostile in ("Don't bother replying.", "Go crawl back to her then.", "Burn in hell."):
        assert "intense" in _codes(hostile), hostile
    assert "overshare" in _codes(
        "The bank froze my card and I've got eleven quid to last the week."
    )


@pytest.mark.parametrize(
    "text",
    [
        "what time's the flight and is ur mom picking u up",
        "did the parcel come? was it the right size",
        "do u still want the rack? if not can i sell it",
        "you coming on saturday? what time",
        "wat time is the viewing sat n do i need 2 b there",
        "hey what's the name of the physio and is she still taking people on",
        "which lawyer r u using and have they sent the draft yet",
        "what did the vet say, r u keeping her in tonight",
    ],
)
def test_two_questions_in_texting_shorthand_count_as_two(text: str) -> None:
    assert "questions" in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ok but do you still love me",
        "Do you want the lamp or shall I keep it?",
        "could you drop the spare key round, or should I pick it up",
        "n thanks for having them, they had a lovely time",
    ],
)
def test_one_question_in_shorthand_or_a_choice_stays_one(text: str) -> None:
    assert "questions" not in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I think you can just drop them at 5",
        "don't come round before 6, they're at swimming",
        "the back door is open for the dog",
        "Leo has got a girlfriend!",
        "hope she likes the present",
        "hope she's all better soon",
        "Been to the GP with Leo, it's just a cold",
        "is that ok? I'm not sure",
        "the baby was up all night",
        "two weeks and no word from the solicitor",
        "found the photos for Leo's passport",
        "Got a letter from HMRC about it, forwarding it now.",
        "Noted.",
        "is the car still insured or did you cancel it",
    ],
)
def test_news_and_practical_drafts_in_the_words_of_longing_or_anger_pass(text: str) -> None:
    """Wording the blind batches taught the rules ("door's always open", "I'm not", "you think you
    can just", capitals) must not catch the everyday messages that share its words."""
    assert check_draft(text).verdict == "send", text


def test_an_eye_roll_is_marked_with_the_words_it_rolls_at() -> None:
    text = "congrats on the house. bet she picked the curtains 🙃 see you sunday"
    flag = next(f for f in check_draft(text).flags if f.code == "intense")
    assert [text[start:end] for start, end in flag.spans] == ["bet she picked the curtains 🙃"]


@pytest.mark.parametrize(
    "text",
    [
        "wot time is the match n r u taking the car",
        "wen is parents evening n did u get the letter",
        "who's got the spare key and did anyone feed the cat",
        "the school emailed, is that right, should i sign it",
        "Why did you tell Mia first and when exactly were you going to tell me",
        "What did you say to your mum and why isn't she answering",
    ],
)
def test_questions_in_texting_spellings_and_with_any_subject_count_as_two(text: str) -> None:
    assert "questions" in _codes(text)


# Shapes of each blind batch's misses, read by their concept in new words (batch: draft, flag).
BLIND_SHAPES = {
    "G": [
        ("I might have been a bit sharp with you yesterday.", "apology"),
        ("I was harder on you than you deserved at the end.", "apology"),
        ("I know I was short with you on Sunday.", "apology"),
        ("Caught you and Jess at the market. Quick work.", "intense"),
        ("So you sold the bike. Cool. Great. Love that.", "intense"),
        ("you always did know how to make it all about you", "intense"),
        ("Pay your half by the 5th or I'm going through Child Support.", "intense"),
        ("He is TEN and you let him watch that.", "intense"),
        ("is your new girlfriend the one from the gym", "needy"),
        ("spent the whole wedding wishing it was you beside me", "needy"),
        ("the dog says hi", "needy"),
    ],
    "H": [
        ("How much is left on the car and when is the last payment due", "questions"),
        ("so are you coming sunday or not. and is Priya coming", "questions"),
        ("Who is he. How long have you known", "questions"),
        ("I think I was sharper with you than I needed to be.", "apology"),
        ("Didn't mean to snap at you on the phone.", "apology"),
        ("I'm the one who messed it up, I know.", "apology"),
        ("Can we please try again", "needy"),
        ("Drove past your office today.", "needy"),
        ("Just checking you're ok after the hearing.", "needy"),
        ("Sure, blame me. You always do.", "intense"),
        ("Well done, you managed to forget her birthday again.", "intense"),
        ("Drop-off is 10am. Be on time for once.", "intense"),
        ("Doctor's upped my dose again.", "overshare"),
        ("Had a really rough week.", "overshare"),
        ("I've been on the apps. It's grim.", "overshare"),
    ],
    "I": [
        ("Jo are you picking up Friday and did you pay the club fees", "questions"),
        ("wait did u see the email and r u ok with it", "questions"),
        ("the school wants to know are we both coming and who's signing the form", "questions"),
        ("Saw your wedding pics. Didn't waste much time.", "intense"),
        ("Enjoy Paris with her. Hope it rains the whole time.", "intense"),
        ("If she comes to the house I'll call my attorney.", "intense"),
        ("who r u taking to the formal", "needy"),
        ("I hear Chloe is moving in. Is that right?", "needy"),
        ("Biscuit says hi 🐶", "needy"),
        ("The plant's closing, redundancies. Don't know how I'll pay the rent.", "overshare"),
    ],
    "J": [
        ("Mark, did you pay the nursery, and when are you taking the bike?", "questions"),
        ("Where were you? What am I supposed to tell her", "questions"),
        ("Maybe I could have handled the row with your sister better.", "apology"),
        ("that came out harsher than I meant", "apology"),
        ("The dog sat by the door for ages after you left.", "needy"),
        ("got the new job today. wanted you to be the first to know", "needy"),
        ("Went to the lakes on my own. It wasn't the same.", "needy"),
        ("You sold the car without telling me. Nice one, Darren.", "intense"),
        ("can you stop liking my stories", "intense"),
        ("my dog died this morning", "overshare"),
    ],
    "K": [
        ("Did you land ok", "needy"),
        ("Went to our old chippy on my own. Not the same.", "needy"),
        ("She said tell daddy she misses him.", "needy"),
        ("it's been 12 days. not that i'm counting", "needy"),
        ("Two time zones and you reply to everyone but me.", "needy"),
        ("bless your heart, you really tried", "intense"),
        ("why did you even bother saying sorry", "intense"),
        ("after everything I did for you, that's all you've got", "intense"),
        ("I swear if you're late again I'll go to the school myself", "intense"),
        ("Your boxes go on the kerb Friday or it goes to the dump", "intense"),
        ("can't stop crying at work", "overshare"),
        ("So tired of pretending I'm fine.", "overshare"),
        ("paiseh, forgot your charger again", "apology"),
        ("When are you collecting the bike and must I be in", "questions"),
        ("what's yer new address and can ye send it the day", "questions"),
        ("who said that?? and why u telling people", "questions"),
    ],
    "AC and AD": [
        ("do you still have my scarf or did you give it to her", "needy"),
        ("Was it her all along?", "needy"),
        ("hope she's worth everything you threw away", "needy"),
        ("saw the wedding photos, you scrub up well", "needy"),
        ("happy birthday, hope your day is as lovely as you", "needy"),
        ("so how are you getting on at the new place", "needy"),
        ("Diwali wasn't the same.", "needy"),
        ("the boys keep asking where daddy is and I don't know what to tell them", "needy"),
        ("up at 4 again. can't switch off", "overshare"),
        ("four glasses of wine and I'm watching our videos", "overshare"),
        ("I keep replaying that night and crying into my tea", "overshare"),
        ("my account's overdrawn again", "overshare"),
        ("they found a lump. the biopsy is Friday", "overshare"),
        ("I reread our whole chat last night", "overshare"),
        ("they played our song and I had to leave the room", "overshare"),
        ("fine, don't come. bin it for all I care", "intense"),
        ("k cool ignore me", "intense"),
        ("why are you like this", "intense"),
        ("posting him at the match like you're father of the year", "intense"),
        ("That's low, even for you.", "intense"),
        ("you bought her a car but can't pay the bus fee. Interesting", "intense"),
        ("If your sister shows up here again I'm calling the police", "intense"),
        ("make sure she's nowhere near my mum's party", "intense"),
        ("tell your cousin to keep my name out of her mouth", "intense"),
        ("ok I went a bit over the top about the bins", "apology"),
        ("that was childish of me", "apology"),
        ("Perdón, I forgot the forms", "apology"),
        ("did you get the refund back, and does mia know", "questions"),
        ("Where is the logbook and who has the spare key?", "questions"),
    ],
    "AA and AB": [
        ("when's the christening and are you taking her", "needy"),
        ("are you coming to Dan's 40th and is Sophie coming with you", "needy"),
        ("he keeps asking for daddy every night", "needy"),
        ("Ellie keeps asking if we're getting back together. What do I say", "needy"),
        ("does your sister hate me now", "needy"),
        ("who did you go to the wedding with", "needy"),
        ("lol remember when we got lost in Tenby", "needy"),
        ("saw you liked her photo. nice.", "needy"),
        ("so you're in Lisbon with her now", "needy"),
        ("how is your dad's knee", "needy"),
        ("Got the job. Not that you care.", "needy"),
        ("Got the job. Not that you care.", "intense"),
        ("Sam?", "needy"),
        ("Got promoted, not that it matters to you", "intense"),
        ("how nice for you both", "intense"),
        ("you have time to take her to Paris but no time for his school play", "intense"),
        ("so you can't do Friday but you can do the pub? make it make sense", "intense"),
        ("you're supposed to be the parent here", "intense"),
        ("Told everyone my business. Snake.", "intense"),
        ("You couldn't even wait a week.", "intense"),
        ("pay me back by Friday or I'm telling your dad", "intense"),
        ("stay out of my way at the party", "intense"),
        ("You blocked me?? WOW.", "intense"),
    ],
    "Y and Z": [
        ("Biscuit misses you 🐶", "needy"),
        ("omg ur engaged?! thats fast", "needy"),
        ("Whose car was outside your house at midnight", "needy"),
        ("Is Kaylee moving into your place for good", "needy"),
        ("You could at least have waited a month.", "intense"),
        ("So you told the girls I'm 'a lot'. Cheers for that", "intense"),
        ("guess ur too busy for me now", "intense"),
        ("turn the music down some of us have work at 7", "intense"),
        ("If you turn up drunk again I'll have you removed.", "intense"),
        ("I hope she makes you happier than I did.", "intense"),
        ("Dog's fine, not that you asked.", "intense"),
        ("congrats on the baby I guess", "intense"),
        ("saw you two laughing. nice that one of us can laugh", "intense"),
        ("I'll do the audit myself, like I did the whole marriage.", "intense"),
        ("Did you ring the bank? And what happened with the deposit", "questions"),
    ],
    "W and X": [
        ("Hope your new lady friend is enjoying my good dishes.", "needy"),
        ("Hope your new lady friend is enjoying my good dishes.", "intense"),
        ("Seen you in town with her already. Couldn't wait, could you.", "needy"),
        ("Do you ever think about the caravan at Filey?", "needy"),
        ("You always said you'd take me to Rome.", "needy"),
        ("Is Leeds treating you well", "needy"),
        ("whats her name", "needy"),
        ("Not one call in three weeks.", "needy"),
        ("Three weeks without a text, Sam?", "needy"),
        ("The dog's pining for you.", "needy"),
        ("I'm to blame for a lot of it.", "apology"),
        ("I know I made it harder than it had to be.", "apology"),
        ("I shouldn't have rung your mother.", "apology"),
        ("Perdona, wrong form, here's the right one.", "apology"),
        ("I know I didn't make it easy.", "apology"),
        ("Bit rich coming from you.", "intense"),
        ("wow okay. good to know where i stand", "intense"),
        ("After ten years, fine is all I get", "intense"),
        ("ramen again tonight. but sure, enjoy Ibiza", "intense"),
        ("don't worry, I'm used to it by now", "intense"),
        ("You never came to one match. Not once.", "intense"),
        ("Late again. Next time it goes through the court.", "intense"),
        ("Saw our old cafe and cried on the pavement.", "overshare"),
        ("Where are you living now and who with", "questions"),
        ("whats her name and how long has it been going on", "questions"),
        ("who approved the change and why wasn't I told", "questions"),
        ("how was your week how's work", "questions"),
        ("what r u doing later wanna get coffee", "questions"),
        ("Really sorry to say it, you're a selfish pig. You never came to hospital.", "intense"),
    ],
    "U and V": [
        ("Leo's been asking for you every night. He misses you, we all do.", "needy"),
        ("How is your pressure these days? You taking the tablets?", "needy"),
        ("Been on three dates trying to forget you.", "needy"),
        ("We had some good years in that house.", "needy"),
        ("I prayed for you at Mass.", "needy"),
        ("so ur just not gonna reply", "needy"),
        ("maybe I pushed too hard about the move", "apology"),
        ("I know I've been short with you at work.", "apology"),
        ("Something always comes up when it's your weekend.", "intense"),
        ("Not that you'd remember, but it would have been our 20th today.", "intense"),
        ("She wants to live with you. Fine. Let's see how long you last.", "intense"),
        ("whats ur problem", "intense"),
        ("Lovely of you to show up an hour late again.", "intense"),
        ("ur stuff is in the hall, get it before sunday or its going the tip", "intense"),
        ("Cried in my car for twenty minutes after work.", "overshare"),
        ("I'm sleeping maybe 4 hours a night.", "overshare"),
        ("What time is his bus and who collecting him at the other end", "questions"),
        ("The buyer wants to know if we leave the stove and whether the tank stays", "questions"),
    ],
    "S and T": [
        ("If you ever want to talk about your mum, you know where I am.", "needy"),
        ("Biscuit has been sleeping on your pillow all week", "needy"),
        ("Saw the boats come in and thought of that trip to Mull.", "needy"),
        ("Bruno's vet bill is attached. He cried for you the whole time.", "needy"),
        ("Jo says you have a new girlfriend. Is it true?", "needy"),
        ("are u going to the wedding? will she be there", "needy"),
        ("That was on me, not you.", "apology"),
        ("Should've checked the dates before I booked it.", "apology"),
        ("I'm sorry for what I said at the funeral.", "apology"),
        ("Over my dead body, Phil.", "intense"),
        ("I wrote you a whole page about her school and you send ok", "intense"),
        ("lovely of you to bring the car back empty as usual", "intense"),
        ("hope you're happy with her", "intense"),
        ("Have you no shame?", "intense"),
        ("I keep waking up crying.", "overshare"),
        ("how are you how's the new flat", "questions"),
        ("Can we move it to 10? also who approved the new van", "questions"),
    ],
    "Q and R": [
        ("The kids miss their dad and so do I.", "needy"),
        ("Drove past the old chip shop, brought me straight back to that summer.", "needy"),
        ("Remember the fireworks on the pier? I think about that a lot.", "needy"),
        ("If you're ever passing the yard, the kettle's always on.", "needy"),
        ("Is that woman from the gym living with you now", "needy"),
        ("Did you eat tea? You never cook for yourself.", "needy"),
        ("Jen says you're seeing someone. Is it true?", "needy"),
        ("nice to be ignored", "needy"),
        ("I know taking the loan was my idea and it was a bad one.", "apology"),
        ("That wasn't fair of me, saying it in front of the kids.", "apology"),
        ("Sorry for the late message, the hospital bag is packed and by the door.", "apology"),
        ("You have some neck turning up at my mum's.", "intense"),
        ("great, thanks for telling your sister before me.", "intense"),
        ("Get off my land.", "intense"),
        ("I don't know why I ever bothered with you.", "intense"),
        ("If you're not here by noon to load it, I'm keeping the van, end of story.", "intense"),
        ("Touch my bike again and I'm calling the police.", "intense"),
        ("The GP has me on tablets for my nerves.", "overshare"),
        ("I haven't been right since March.", "overshare"),
        ("I sold my good ring to make the rent.", "overshare"),
        ("Three glasses of wine in and still awake.", "overshare"),
        ("Sorry to ask again, what time is pickup and where?", "questions"),
        ("soooo are you going to the party or what and are you bringing anyone", "questions"),
        ("From the caterer: do you want fish or lamb, and is your dad coming?", "questions"),
        ("the vet wants to know if you want the jab and how many tablets are left", "questions"),
    ],
    "O and P": [
        ("Saw your truck outside the bakery and walked the other way.", "needy"),
        ("Is she staying at the house now?", "needy"),
        ("How's Leeds treating you?", "needy"),
        ("Pip sends his love 🐶", "needy"),
        ("I may have been unreasonable about the summer dates.", "apology"),
        ("maybe I was a bit much about the party", "apology"),
        ("My text was sharper than it needed to be.", "apology"),
        ("I know I didn't make it easy for you either.", "apology"),
        ("I should have told you about the parking fine myself.", "apology"),
        ("Late again. Classic Darren.", "intense"),
        ("Thanks for remembering her birthday a week late. Really touching.", "intense"),
        ("Collect the tools by Sunday or it's going on marketplace", "intense"),
        ("you don't get to choose which holidays suit you", "intense"),
        ("Tired of crying every night.", "overshare"),
        ("Failed my driving test again.", "overshare"),
        ("where'd you leave the ladder. and what's the code for the shed", "questions"),
        ("is Ana's cough better. did she finish the syrup", "questions"),
        ("Can you have them Friday and also did you book the dentist", "questions"),
    ],
    "M and N": [
        ("How's the new house?", "needy"),
        ("how was your weekend", "needy"),
        ("Are you looking after yourself", "needy"),
        ("what's she like then", "needy"),
        ("FINE. have fun with her.", "needy"),
        ("Remember the first time we went there", "needy"),
        ("Made your curry tonight. Not as good as yours.", "needy"),
        ("wow ok. leave me on read then.", "needy"),
        ("Is your knee any better?", "needy"),
        ("I blame myself for how it ended.", "apology"),
        ("I know I wasn't easy to live with.", "apology"),
        ("It wasn't my finest moment at the party.", "apology"),
        ("Ok I was maybe a bit harsh there.", "apology"),
        ("lovely. just lovely.", "intense"),
        ("You wanted space. Enjoy it.", "intense"),
        ("Oh well done, Greg, forgetting her birthday for the second year running.", "intense"),
        ("Last chance. Friday or I call my lawyer.", "intense"),
        ("Why did you lie to me about the car?", "intense"),
        ("The debt collectors came round again.", "overshare"),
        ("how much is the trip and whats the date again", "questions"),
        ("and what time does the train get in? and which station", "questions"),
    ],
    "L": [
        ("Found the voicemail. I kept the last voicemail you left.", "needy"),
        ("Heard our Dolly Parton song in the car and had to stop.", "needy"),
        ("The lambs came early. You'd have loved it.", "needy"),
        ("You looked good at the school play, just saying.", "needy"),
        ("Message me when you land so I know you're safe", "needy"),
        ("Goodnight Sam. Sleep well.", "needy"),
        ("maybe i was too hard on you about the van", "apology"),
        ("I know I haven't been easy to deal with this month.", "apology"),
        ("Mea culpa on the parking fine, I'll pay it.", "apology"),
        ("Clearly you're too important to answer me now.", "intense"),
        ("And another thing, where is my good coat?", "intense"),
        ("Lovely job on the tax return, as always.", "intense"),
        ("I wish I'd never met you.", "intense"),
        ("Seen it. Read it. Just answer me.", "intense"),
        ("Awake again at 3am, same as every night.", "overshare"),
        ("Fourth glass of wine and it's only Tuesday.", "overshare"),
        ("Jess set me up with her brother.", "overshare"),
        ("When are you dropping the bikes and who will be at home?", "questions"),
        ("What day is the hearing and which court is it in", "questions"),
    ],
}


@pytest.mark.parametrize(
    ("batch", "text", "code"),
    [(batch, text, code) for batch, shapes in BLIND_SHAPES.items() for text, code in shapes],
)
def test_each_blind_batch_shape_is_read_by_its_concept(batch: str, text: str, code: str) -> None:
    assert code in _codes(text), (batch, text)


@pytest.mark.parametrize(
    "text",
    [
        "Heard about your nan. I'm so sorry. She was always so kind to me. Love to your mum.",
        "I was so sorry to hear about your dad's stroke. Please give Ruth my love.",
        "Great. See you at 5.",
        "My mum says hi and thanks for the flowers.",
        "Is this the right address. Thanks",
    ],
)
def test_condolences_and_plain_replies_stay_send(text: str) -> None:
    assert check_draft(text).verdict == "send", text


@pytest.mark.parametrize(
    "text",
    [
        "Zara's inhaler is in the front pocket of her bag.",
        "The dog has been to the vet, all fine.",
        "Are you happy? Like actually happy?",
    ],
)
def test_news_of_the_children_and_a_question_asked_again_are_not_flagged_so(text: str) -> None:
    codes = _codes(text)
    assert "overshare" not in codes, (text, codes)
    assert "questions" not in codes, (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "You told your sister it was my fault? Really.",
        "I'm not going to apologise for being angry about the car.",
    ],
)
def test_a_sorry_refused_or_blame_reported_is_not_an_apology(text: str) -> None:
    assert "apology" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for taking the boys to the match, they talked of nothing else.",
        "Sorry to hear about the redundancy, that's rough. Hope something turns up soon.",
        "Nia's swimming gala is Saturday at 10am. She'd love you there.",
        "I'm sorry I raised my voice at the party. I was upset.",
    ],
)
def test_thanks_news_of_the_children_and_remorse_stay_unflagged(text: str) -> None:
    codes = _codes(text) - {"apology"}
    assert codes == set(), (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "Geoffrey? I wrote about the caravan fees a week ago. Did you receive my letter?",
        "Conor? We're on in 20. Where are you",
    ],
)
def test_his_name_called_with_a_question_mark_asks_nothing(text: str) -> None:
    assert "questions" not in _codes(text), text


def test_hello_with_question_marks_still_asks() -> None:
    assert "questions" in _codes("hello?? did u get my text about the keys")


@pytest.mark.parametrize(
    "text",
    [
        "ach dinnae worry, it wisnae your fault the bus was late",
        "Please don't turn up at the flat without texting first. It unsettles Rua.",
        "Jonah has a match Saturday at 10. He'd love it if you came.",
        "Here is the breakdown for this term: fees 400, books 60. Your half is 230.",
        "Rua's been sick twice, the GP says it's a bug.",
        "He cried himself to sleep after the match.",
        "Yes please.",
        "What time are we meant to be at the ferry?",
        "Your mum says you've lost weight.",
        "We need to talk about summer camp, it's $400 each.",
        "Are you bringing her bike on Sunday?",
        "So sorry you didn't get the Leeds job. Their loss.",
        "do you want me to post the records or will you pick them up",
        "Finn asked why you haven't rung. Please call him Sunday.",
        "Zara's passport is in the desk drawer, she'll need it on Friday.",
        "actually make that 5.30, I'm stuck in traffic",
    ],
)
def test_reassurance_house_rules_and_news_of_others_in_batch_k_words_stay_calm(text: str) -> None:
    codes = _codes(text)
    assert not codes & {"needy", "intense", "overshare"}, (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "What is wrong with you? Seriously, what is wrong with you?",
        "Can you do Tuesday instead? Or Wednesday?",
    ],
)
def test_a_question_repeated_or_its_other_choice_is_not_a_second_question(text: str) -> None:
    assert "questions" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Are you paying this month? Or did you forget?",
        "Are you taking them Saturday? Or you forgot?",
    ],
)
def test_an_or_with_its_own_verb_or_subject_asks_again(text: str) -> None:
    assert "questions" in _codes(text), text


# Practical and friendly messages in the newer rules' words: news passed on (blind batch L's
# shapes) and a cold review's look-alikes.
@pytest.mark.parametrize(
    "text",
    [
        "Cody made the team. Thought you'd want to know. Fixtures are on the school site.",
        "Found your grandad's watch in the loft. It should be with you. I'll leave it at mum's",
        "Ava's class photos are out, there's a code to order them. I'll text it to you.",
        "Leo has a temperature, the doctor said it's just a virus. He'll stay with me till Sunday.",
        "I've booked the kids' flu jabs for Saturday, nothing needed from you.",
        "Sounds fine.",
        "What's she got on Friday, swimming or ballet?",
        "Give Leo a kiss from me and tell him I love him.",
        "I posted her passport form this morning.",
        "Is she staying at your place on Friday or mine?",
        "Is the new house ready for the kids on Friday?",
        "We need to talk to Leo's teacher about the trip.",
        "I'll be watching Leo's match from the stand, see you there.",
        "Not the same shoes as last time, the next size up.",
        "I kept the letter from the council about the bins.",
        "Can you pick them up at 3 o'clock on Friday?",
        "Can you grab another bottle of Calpol?",
        "Leo made you a card, bless his heart.",
        "Great job with the homework, see you at 5 as usual.",
        "Mia won sports day for the second year running!",
        "Here's Mia in her prom dress, stunning!",
        "Let me know if you want the cot, or it's going to charity.",
        "They'll be with you at 5.",
        "The party was meant to be a surprise.",
        "Mabli got her stitches out today. Thought you'd want to know.",
        "Do you need me on the nets on Tuesday?",
        "Ishita didn't come home till ten, she was at Riya's. All fine.",
        "Happy Father's Day from the kids, they made you a card.",
        "So sorry to hear about Boss, he was the best dog that farm ever had.",
        "She cried all the way home from the dentist, poor thing.",
        "He asked if you can do the Wednesday swim next week.",
        "Mason's tooth came out at tea, he's dead proud.",
        "Jen's been seeing someone from work, she's so happy.",
        "Is that fine for Thursday? Lovely of you to offer.",
        "Owen's cast comes off Friday at 2, he really wants you there.",
        "The kids come home at ten on Saturday, the coach is late.",
        "Bond's come back, I'll transfer your half tonight.",
        "I just need you to reply when the solicitor emails.",
        "She was at the window waiting for you with her bag at 5.",
        "Let me know by Friday whether you want the broadband, or whether I should take it.",
        "He lost his match and cried in the car. Maybe give him a call tonight.",
        "Got it. Perfect. Thanks Tom.",
        "Hope you and the kids are happy with the pizza",
        "Thanks, really kind of you to do the school run as always.",
        "Kind of you to come early to help set up the party.",
        "Can you let me know what you did with her passport?",
        "I guess you're probably too busy to do Thursday, no worries, I'll ask mum.",
        "She wants her room painted a subtle green.",
        "It's petty cash, don't worry about it.",
        "If she's not feeling better by tomorrow, I'll call the GP.",
        "If you get charged again I'll ring the bank for you.",
        "Text me again and I'll send you the address.",
        "I'll send the booking link and then you reply ok to confirm.",
        "My dad had the same op at your age and he was fine",
        "Why do you keep getting that error? Maybe the app needs updating.",
        "Let me come round at 6 to drop her stuff off",
        "Can you pick up the phone charger Mia left at yours?",
        "I've spotted your car keys in my bag.",
        "Can you think about the weekend in June for her birthday?",
        "Mia said you're seeing a dentist Friday",
        "Is the lady from the council staying for the meeting on Monday?",
        "The out of hours vet line is open any time day or night.",
        "Do you know where I am meant to park at the new school?",
        "I'm not going to reply to the school's email until we've talked it through.",
        "Are you taking the tablets for Bella's ear or shall I keep them here?",
        "He's had a rough week at school but we had good days too.",
        "Can you put two bottles of water in her bag?",
        "She drank a whole bottle before bed and slept right through.",
        "Mia's drumming is getting on my nerves lol",
        "We agreed we'd sell the caravan to cover the mortgage.",
        "The taxi? It was on me, don't worry about it.",
        "So sorry to hear about your dad, praying for you all.",
        "How is your back, ok for carrying the cot on Saturday?",
        "Noah was crying for you at bedtime, can you FaceTime him at 7?",
        "Can you take her Saturday? I'll let you know what's the plan for Sunday",
        "Please don't give her chicken bones this time.",
        "Mia's missing her PE kit. Leo's off sick and so am I, can you do pickup?",
        "Don't be daft, you've nothing to apologise for. See you Sunday.",
        "Would you ring Ciara tonight, she's in bits about the mocks",
        "Aoibhe's grand, she's just having a hard time at school. Can you do homework Tuesday?",
        "I still need you to sign the title before Friday.",
        "ok see you there",
        "I'll come home early on Friday.",
        "When the blood results come back, I'll let you know.",
        "Rory's therapist wants to see us both on Monday at 4",
        "The school counsellor rang about Mia, can you call her back?",
        "Amy saved you a seat at the recital, Sunday at 2.",
        "Enkosi",
        "Noted.",
        "Your mum rang the house. I said you'd call back.",
        "Please send the receipt today.",
        "Grandma would like you to come on Sunday.",
        "and don't forget her inhaler",
        "Is Mia coming with you on Saturday morning?",
        "are you taking her to swimming on Sunday",
        "The biopsy came back clear, your mum's fine.",
        "Joint account's overdrawn by £40, can you move some in today?",
        "I'll be up at 5 for the early shift, so drop her at 7.",
        "Up at 6 tomorrow for the flight, will text when we land.",
        "Christmas wasn't the same without the snow this year",
        "Make sure she's got her coat, it's cold.",
        "The cataract clinic rang for your dad, it's the 9th at 10.",
        "Congrats on the new job. Enjoy!",
        "I've got time for the school run but not time to cook tea, can you feed them?",
        "Congrats on the promotion, hope ur new boss knows what a gem they've got",
        "Keep my name out of the school raffle please",
        "Biscuit went over the top of the fence again, can you fix the panel?",
        "Up at 5 for the airport run, can you have the kids' bags ready by 6?",
        "Rosie's been awake since 4, teething, so she might nap at yours",
        "I took Mia to see the film and cried laughing, she loved it",
        "Leo had to leave the room during the film, too scary",
        "That sofa's too big for one person to move, can you bring a mate?",
        "There's a rattle around the back wheel of her bike",
        "I scrolled through the whole group chat to find the party address",
        "The kids' therapist said Thursday works",
        "Ella's speech therapy has moved to Thursdays",
        "Can you give it to her at handover? It's her inhaler",
        "Can you scrub up the grill before you bring it back",
        "How are you getting on with the new car seat",
        "The pharmacy gave me the wrong inhaler. This isn't the same.",
        "The school asked about the trip payment and I don't know what to tell them",
        "Reception's asking for you",
        "Lily's asking if we'll be together for her birthday, can we do a joint party?",
        "lol remember the PE kit tomorrow, she forgot it last week",
        "The vet bill came to £80, not that it matters now, insurance covered it",
        "Can you ask the school about the trip and who is going with them?",
    ],
)
def test_practical_and_friendly_look_alikes_stay_send(text: str) -> None:
    assert check_draft(text).verdict == "send", (text, _codes(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I've been too hard on you lately.", "apology"),
        ("after everything I've done for you", "intense"),
        ("so that's all you've got to say", "intense"),
    ],
)
def test_contracted_forms_are_read_like_the_full_ones(text: str, code: str) -> None:
    assert code in _codes(text), (text, _codes(text))


def test_an_insult_after_news_passed_on_is_not_calm() -> None:
    text = "Leo's assembly is Friday. Just so you know, you were a useless father."
    assert check_draft(text).verdict == "rewrite", _codes(text)


def test_a_full_stop_between_digits_ends_no_sentence() -> None:
    assert [piece.text for piece in sentences_of("Make it 5.30 now. £12.50 each.")] == [
        "Make it 5.30 now.",
        "£12.50 each.",
    ]


def test_a_highlight_starts_on_its_word_not_on_the_sentence_before() -> None:
    text = "So you sold the bike. Noted."
    spans = [span for flag in check_draft(text).flags for span in flag.spans]
    assert spans, text
    assert all(text[start].isalnum() for start, _ in spans), [text[s:e] for s, e in spans]


def test_not_that_you_care_fishes_after_her_news_and_is_only_a_dig_after_someone_elses() -> None:
    assert "needy" in _codes("Passed my driving test. Not that you care.")
    assert "needy" not in _codes("Not that you asked, but Leo's cast comes off Friday at 2.")
    assert "needy" not in _codes("not that you'd care but she was sick all night")


def test_a_name_alone_calls_him_unless_she_is_answering_his_message() -> None:
    assert "needy" in _codes("Josh")
    assert "needy" in _codes("kyle?")
    assert "needy" not in _codes("Josh", his_last="Who's picking up Mia?")
    assert "needy" not in _codes("Medaase")  # thanks in Twi is no name
