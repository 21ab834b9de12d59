"""Generated practical messages that use the words longing uses, for the needy model to learn from.

Batch 9 of the labelled drafts showed a model fitted only on them taking "do you still have my
charger?" or "text me when you get there" for longing. These templates write a few hundred such
messages (children, belongings, money owed, handovers, plans, kind words about his family), all
labelled not needy; they are training data only, never measured on.
"""

from __future__ import annotations

import random
from collections.abc import Callable

THINGS = (
    "your things", "the keys", "the boxes", "your bike", "the post", "the spare key", "your jacket",
    "the dog's bed", "the kids' bags", "the paperwork", "your records", "the drill", "the ladder",
    "the sofa", "your mail",
)  # fmt: skip
MINE = (
    "my charger", "my drill", "my passport", "my black jumper", "my books", "the car manual",
    "the router password", "my mum's dish", "the remote", "my headphones",
)  # fmt: skip
WHEN = (
    "on Saturday", "tomorrow", "this weekend", "on Friday evening", "after work", "before the 10th",
    "at 6", "next week", "tonight", "on Monday",
)  # fmt: skip
ACTS = ("come back for", "pick up", "collect", "drop off", "grab", "bring back", "sort out")
PEOPLE = ("The kids", "Max", "Your mum", "Grandma", "The dog", "Everyone at work", "Jo")
REMIND = ("don't forget", "remember", "bring")
FAULT_ASKS = (". who was the man you used", ", what's the number of your guy?")
REACH = ("ring them", "call them", "give them a ring", "send them a message", "video call them")


def _templates(pick: Callable[[tuple[str, ...]], str]) -> list[Callable[[], str]]:
    return [
        lambda: f"Can you {pick(ACTS)} {pick(THINGS)} {pick(WHEN)}?",
        lambda: f"Do you still have {pick(MINE)}?",
        lambda: (  # checking a plan with him: "is that ok?" asks about the plan, not about them
            f"I'll {pick(ACTS)} {pick(THINGS)} {pick(WHEN)}, is that "
            f"{pick(('ok', 'okay', 'alright', 'ok with you'))}? "
            + pick(("I'm not sure", "Let me know", "Either way is fine", "No rush"))
        ),
        lambda: (
            f"Are you still {pick(('coming', 'free', 'ok to swap', 'doing the school run'))} "
            f"{pick(WHEN)}?"
        ),
        lambda: (
            "Text me when you "
            + pick(
                ("get there", "land", "are outside", "leave", "have the kids", "are on your way")
            )
            + "."
        ),
        lambda: (
            f"Call me when you {pick(('land', 'get a minute', 'hear from the solicitor'))} "
            f"about {pick(('the kids', 'the flat', 'the car', 'the bills'))}."
        ),
        lambda: f"{pick(PEOPLE)} miss you, can you {pick(REACH)} {pick(WHEN)}?",
        lambda: (
            "I still need "
            + pick(("your signature", "your half of the rent", "the account number", "a copy"))
            + " "
            + pick(("for the insurance", "for the bank", "before the deadline", "by Friday"))
            + "."
        ),
        lambda: (
            f"Whenever you're ready, {pick(('send', 'forward', 'drop off'))} "
            f"{pick(('the account number', 'the forms', 'the keys', 'the details'))}."
        ),
        lambda: (
            f"Let me know if you still want {pick(('the sofa', 'the bike', 'the lamp'))}, "
            f"otherwise {pick(('it goes to charity', 'I will sell it', 'I will bin it'))}."
        ),
        lambda: (
            "Are we still "
            + pick(("splitting the vet bill", "sharing the car", "paying into the joint account"))
            + "?"
        ),
        lambda: (
            f"Come back to {pick(('the office', 'the shop', 'the club', 'the team'))} "
            f"whenever you like, your {pick(('desk', 'locker', 'spot'))} is still there."
        ),
        lambda: (
            f"We need to {pick(('tell the agent', 'sort the deposit', 'sell the car'))} "
            f"{pick(WHEN)}."
        ),
        lambda: (
            f"Our {pick(('lease', 'contract', 'phone plan', 'insurance'))} ends in "
            f"{pick(('June', 'March', 'a month'))}, we need to {pick(('decide', 'cancel it'))}."
        ),
        lambda: (
            f"I remember you said {pick(('the boiler code', 'the wifi password'))} was "
            f"{pick(('on the side', 'in the drawer', 'on the fridge'))}, where is it?"
        ),
        lambda: (
            f"Thanks for {pick(('looking after the cat', 'having the kids', 'fixing the gate'))}"
            f", {pick(('she loves you', 'they had a great time', 'much appreciated'))}."
        ),
        lambda: (
            f"I'll be home all {pick(('evening', 'day', 'morning'))} if you want to "
            f"{pick(('drop the boxes off', 'collect your post', 'pick up the kids'))}."
        ),
        lambda: (
            f"Can we talk about {pick(('the kids holidays', 'the house sale', 'the bills'))} "
            f"{pick(WHEN)}?"
        ),
        lambda: (
            f"Still on for {pick(('handing over the bikes', 'the school play'))} at "
            f"{pick(('10', '6', 'noon'))}?"
        ),
        lambda: (  # practical orders in lower case, as she types them: not anger
            f"{pick(('bring', 'pack', 'send', 'drop off', 'put', 'leave'))} "
            f"{pick(('her', 'his', 'the kids', 'their'))} "
            f"{pick(('swim kit', 'school shoes', 'wellies', 'reading book', 'coat', 'boots'))} "
            f"{pick(('sunday', 'tomorrow', 'on friday', 'at handover', 'with them', 'tonight'))}"
        ),
        lambda: (  # a date she can't make is plain news, not her struggle
            f"I can't do {pick(('the 3rd', 'the 21st', 'Tuesday', 'next weekend', 'the 9th'))}"
            f"{pick(('.', ', can we swap?', ', could you take them?', '. Monday works.'))}"
        ),
        lambda: (  # short news of the day, in the words of a handover
            f"{pick(('Morning', 'Hi', 'Ok', 'Right'))}, "
            f"{pick(('we are on our way', 'on my way', 'just leaving', 'running 10 minutes late'))}"
            f"{pick(('.', ', see you at the gate.', ', be there soon.', '!'))}"
        ),
        lambda: (
            f"Could you check if {pick(MINE)} is "
            f"{pick(('at yours', 'in your car', 'in the drawer'))}?"
            f" {pick(('I think I left it there.', 'Cannot find it anywhere.', 'No rush.'))}"
        ),
        lambda: (  # money owed, asked for plainly
            f"{pick(('still waiting on', 'just a reminder about', 'any news on'))} "
            f"{pick(('that £80', 'the £40 for the vet', 'your half of the bill', 'the deposit'))}"
            f"{pick((' btw', '', ', thanks', ' when you can'))}"
        ),
        lambda: (
            f"{pick(THINGS).capitalize()} {pick(('is', 'are'))} still "
            f"{pick(('in my wardrobe', 'in the garage', 'at mine', 'in the loft'))}, want "
            f"{pick(('it', 'them'))} back or shall I "
            f"{pick(('give it to charity', 'bin it', 'sell it'))}"
        ),
        lambda: (  # where she and the children will be: plans, not her struggle
            f"Just so you know, I'm taking {pick(('Toby', 'the kids', 'Mia', 'the dog'))} to "
            f"{pick(('my mum', 'my sister', 'Cornwall', 'the coast', 'my dad'))}'s "
            f"{pick(WHEN)}. Back {pick(('on the 21st', 'on Sunday', 'Monday night'))}."
        ),
        lambda: (  # news of a child or a pet that he would want to hear
            f"{pick(('The cat', 'The dog', 'Noah', 'Ruby', 'Biscuit'))} "
            f"{pick(('is off their food', 'has a cough', 'lost a tooth', 'got a certificate'))}, "
            f"{pick(('just thought you would want to know', 'will keep you posted', 'FYI'))}"
        ),
        # Blind batches AA and AB: his family's calls passed on, a receipt asked for today, an
        # invitation from someone else, a follow-up, a fault he knows the fix for.
        lambda: (
            f"{pick(('Your mother', 'Your mum', 'Your dad', 'Your sister', 'Your aunt'))} "
            f"{pick(('called the house', 'rang me', 'phoned again', 'called this morning'))}. "
            + pick(("I said you'd call back.", "Can you ring back?", "Please call back today."))
        ),
        lambda: (
            f"Please send {pick(('the receipt', 'the form', 'the school fees', 'the photos'))} "
            f"{pick(('today', 'tonight', 'by Friday', 'this week'))}."
        ),
        lambda: (
            f"{pick(('Dad', 'Appa', 'Grandma', 'Amy', 'The kids'))}'d like you to come"
            f"{pick(('.', ' if you can.', ', it starts at 7.', ' on Sunday.'))}"
        ),
        lambda: (
            f"and {pick(REMIND)} "
            f"{pick(('the controller', 'her inhaler', 'his charger', 'the car seat', 'the slip'))}"
        ),
        lambda: (  # a house rule for a child or a pet, said plainly (blind batches AC, AD)
            f"Please don't give {pick(('her', 'him', 'them', 'the dog'))} "
            f"{pick(('chicken bones', 'chocolate', 'fizzy drinks', 'sweets'))} "
            f"{pick(('this time.', 'before bed.', 'after 6.', 'again.'))}"
        ),
        lambda: f"and have you told {pick(('Huw', 'your mum', 'the school', 'the landlord'))} yet",
        lambda: (
            f"{pick(('The furnace', 'The boiler', 'The car', 'The washer'))} is making that noise "
            f"again{pick(FAULT_ASKS)}"
        ),
        lambda: (
            "Please remember "
            + pick(("Ella's inhaler", "the school forms", "to pay the nursery", "Max's PE kit"))
            + f" {pick(WHEN)}."
        ),
    ]


def generate(
    make_templates: Callable[[Callable[[tuple[str, ...]], str]], list[Callable[[], str]]],
    count: int,
    seed: int,
) -> list[str]:
    """`count` different messages from the templates, the same ones for the same seed."""
    chooser = random.Random(seed)  # noqa: S311 - varied wording, not secrets
    templates = make_templates(lambda options: chooser.choice(options))
    found: set[str] = set()
    while len(found) < count:
        found.add(chooser.choice(templates)())
    return sorted(found)


def practical_drafts(count: int = 480, seed: int = 5) -> list[str]:
    """`count` different practical messages, the same ones for the same seed."""
    return generate(_templates, count, seed)
