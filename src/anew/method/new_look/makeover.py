"""Step 6's money: amounts kept in cents so sums are exact, and the plan's totals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from anew.method.new_look.models import MakeoverItem


def to_cents(amount: float | None) -> int | None:
    """An amount as typed (12.5) in cents (1250); None stays None."""
    return None if amount is None else round(amount * 100)


def from_cents(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


@dataclass(frozen=True)
class Totals:
    budget: float
    cost: float
    left: float  # negative when over budget


def totals(items: Iterable[MakeoverItem]) -> Totals:
    """The plan's budget and what has been spent, summed in cents."""
    rows = list(items)
    budget = sum(r.budget_cents or 0 for r in rows)
    cost = sum(r.cost_cents or 0 for r in rows)
    return Totals(budget / 100, cost / 100, (budget - cost) / 100)
