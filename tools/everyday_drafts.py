"""Generated everyday messages, near misses of `overshare` and `intense`, for the models to learn.

Plain news, mild tiredness, a cancelled plan, one warm exclamation, sympathy, a check-up that
went fine: the guide (docs/drafts.md) says none of these is oversharing or strong emotion, and
none is needy. Training data only, never measured on.
"""

from __future__ import annotations

from collections.abc import Callable

from practical_drafts import generate

PLACES = ("work", "the shop", "uni", "the office", "the salon", "the hospital", "the school")
TRIPS = ("the coast", "Leeds", "my aunt's", "Spain", "the Lakes", "Mum's", "a wedding in York")
WHEN = ("on Saturday", "next week", "this weekend", "on Friday", "in May", "tomorrow")
COMPANY = ("the girls", "Mum", "friends from work", "my sister", "the running club")
NEWS = ("the new job", "the house", "your sister's baby", "Max's exams", "the promotion")
LETDOWNS = ("the rain", "the match", "the concert", "the train strike", "the barbecue")
HOBBIES = ("pottery", "a running club", "Spanish lessons", "a book club", "climbing", "choir")
CHECKUPS = ("the dentist", "the GP", "the optician", "the physio")
WEEK_ENDS = ("but good", "nothing exciting", "same as ever", "glad it's Friday")
TIRED_ENDS = ("early night for me", "nothing a coffee won't fix", "all good though")
WISHES = ("hope things settle", "hope it's sorted soon", "hope you're all ok")
WORK_ENDS = ("which is good", "can't complain", "nothing new")
DOINGS = (
    "learning to cook", "doing lots of yoga", "reading loads", "going to the gym",
    "painting again", "walking the dog a lot", "redecorating the flat", "busy with the garden",
)  # fmt: skip
ENJOYING = ("the new job", "living on my own", "the quiet", "my course", "the longer evenings")
CHILDREN = ("Leo", "Mia", "Noah", "Ava", "The baby")
PLANS = ("getting a dog", "learning the guitar", "a trip to Rome", "changing my hair", "a new car")


def _templates(pick: Callable[[tuple[str, ...]], str]) -> list[Callable[[], str]]:
    return [
        lambda: f"Busy week at {pick(PLACES)}, {pick(WEEK_ENDS)}.",
        lambda: (
            f"Bit tired after {pick(('the run', 'the drive', 'the late shift', 'the party'))}, "
            f"{pick(TIRED_ENDS)}."
        ),
        lambda: f"Shame about {pick(LETDOWNS)}, {pick(('next time', 'oh well', 'never mind'))}.",
        lambda: f"Great news about {pick(NEWS)}!",
        lambda: (  # good wishes for someone's present or party: not sarcasm (blind batches AC, AD)
            f"hope {pick(('she', 'he', 'the kids', 'your mum', 'Mia'))} "
            f"{pick(('likes', 'enjoys', 'loves'))} "
            f"{pick(('the present', 'the cake', 'the card', 'the party', 'the trip'))}"
        ),
        lambda: f"Congrats on {pick(('the promotion', 'the marathon', 'passing your test'))}!",
        lambda: f"Off to {pick(TRIPS)} {pick(WHEN)} with {pick(COMPANY)}.",
        lambda: (
            f"I went to {pick(CHECKUPS)} "
            f"{pick(('for a check-up', 'about my knee', 'about my back'))}, "
            f"{pick(('all fine', 'nothing to worry about', 'all sorted'))}."
        ),
        lambda: (
            f"Sorry to hear about {pick(('your nan', 'the dog', 'your car', 'your dad'))}, "
            f"{pick(WISHES)}."
        ),
        lambda: f"Thanks for {pick(('the lift', 'sorting the bins', 'the card', 'the photos'))}!",
        lambda: (
            f"I've started {pick(HOBBIES)} on {pick(('Tuesdays', 'weekends', 'Thursday nights'))}."
        ),
        lambda: (
            "The kids "
            + pick(("had a lovely time", "loved the zoo", "were shattered after the party"))
            + "."
        ),
        lambda: (
            f"Weather's {pick(('been awful', 'lovely', 'grim', 'all over the place'))} here "
            f"{pick(('all week', 'today', 'since Monday'))}."
        ),
        lambda: (
            f"{pick(('Annoying', 'A pain', 'A bit frustrating'))} that "
            f"{pick(('the deposit', 'the parcel', 'the refund'))} took so long."
        ),
        lambda: f"Work's {pick(('busy', 'quiet', 'fine'))}, {pick(WORK_ENDS)}.",
        lambda: (
            f"I'm {pick(('a bit', 'slightly'))} {pick(('annoyed', 'disappointed'))} "
            f"{pick(('the gig', 'the trip', 'the class'))} got cancelled."
        ),
        lambda: (
            f"Had a {pick(('nice', 'quiet', 'lovely'))} weekend, "
            f"{pick(('mostly gardening', 'saw friends', 'lots of reading', 'long walks'))}."
        ),
        lambda: f"Good luck {pick(('with the interview', 'at the match', 'on Monday'))}!",
        lambda: f"I've been {pick(DOINGS)} {pick(('lately', 'this month', 'since spring'))}.",
        lambda: f"I'm {pick(('really ', 'quite ', ''))}enjoying {pick(ENJOYING)}.",
        lambda: f"I've been thinking of {pick(PLANS)}.",
        lambda: (
            f"I'm feeling {pick(('much better', 'good', 'great', 'more settled'))} "
            f"{pick(('these days', 'this week', 'lately'))}."
        ),
        lambda: (
            f"Happy birthday to {pick(('your mum', 'your dad', 'Max', 'your gran'))}, "
            f"hope {pick(('she has', 'he has', 'they have'))} a lovely day."
        ),
        # A cold review's look-alikes: their child's nights, a car's troubles, his new boss.
        lambda: (
            f"{pick(CHILDREN)} keeps waking up {pick(('crying', 'early', 'at 5'))} since "
            f"{pick(('the new tooth came through', 'the clocks changed', 'the move'))}."
        ),
        lambda: (
            f"Good news, {pick(('she', 'he'))}'s sleeping {pick(('about five', 'six', 'eight'))} "
            f"hours a night now."
        ),
        lambda: (
            f"The {pick(('car', 'boiler', 'washing machine'))}'s not been right since "
            f"{pick(('the MOT', 'the service', 'the storm'))}."
        ),
        lambda: f"Is she your new {pick(('boss', 'neighbour', 'manager', 'lodger'))}?",
        lambda: (  # get-well wishes, not the sneers at his new partner that open the same way
            f"{pick(('Hope', 'hope'))} {pick(('she', 'he', 'your mum', 'Max', 'your nan'))}'s "
            f"{pick(('all better soon', 'feeling better', 'on the mend', 'back on her feet soon'))}"
        ),
        lambda: f"Glad you're having a lovely time with the kids in {pick(TRIPS)}!",
        lambda: (
            f"I can do without {pick(('their', 'the'))} {pick(('car seat', 'pram', 'highchair'))}, "
            "I've got a spare one."
        ),
    ]


def everyday_drafts(count: int = 300, seed: int = 11) -> list[str]:
    """`count` different everyday messages, the same ones for the same seed."""
    return generate(_templates, count, seed)
