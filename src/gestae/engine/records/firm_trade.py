"""Goods a firm sells, ships or hands out ("a startup began delivering medicines to fishing
villages", "the firm plans to export its drones to Canada"): trade, not help or cooperation
between political actors. Arms stay: a firm's weapons sold to a state are the arms trade."""

from __future__ import annotations

from gestae.engine.records.draft import Draft
from gestae.engine.rules import rule

BUSINESS = "BUS"
# Economic cooperation, plain, money and humanitarian help, and their announced forms
# (0311, 033, 0331, 0333); military aid and arms sales (062, 072, 0332) are not in it.
TRADE_CODES = frozenset({"061", "070", "071", "073", "0311", "033", "0331", "0333"})


@rule("record.firm-trade")
def firm_trade(draft: Draft) -> bool:
    """Economic cooperation or help whose every doer is a firm (sector BUS) is its business:
    a company that delivers goods or exports them to a country sells, it gives no aid and
    makes no pact with that state. False drops the record; a state, a body or any doer
    beside the firm keeps it, and so do arms.

    Example: A Swedish drone maker began delivering spare parts to farms in Latvia.
    """
    if draft.cameo not in TRADE_CODES or not draft.sources:
        return True
    if not all(a.sector == BUSINESS for a in draft.sources):
        return True
    draft.trace.add("record.firm-trade", "a firm's goods: trade, no aid or pact")
    return False
