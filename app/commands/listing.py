"""``prioritise list PORTFOLIO [--json]`` (DESIGN §6): a reader; takes no lock."""

from __future__ import annotations

import argparse
import re
from typing import Any

from app.services.i18n import _, ngettext
from app.services.snapshots import load_initiatives, load_settings
from app.services.store import open_portfolio


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key ordering ids as people read them: digit runs by number, the rest by text
    (case-insensitive), so EK-2 < EK-10 and "1, 2, 10, 11" (not "1, 10, 11, 2")."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _RUNS.findall(text))


_RUNS = re.compile(r"\d+|\D+")

#: the widest title and lead unit (characters) the text tables print before cutting
TITLE_WIDTH = 60
UNIT_WIDTH = 24


def fit(text: str, width: int) -> str:
    """``text`` padded to ``width`` characters, or cut to ``width − 1`` and ended with
    "…" when longer, so a text table's columns stay aligned and a cut shows."""
    if len(text) > width:
        return text[: max(width - 1, 0)] + "…"
    return f"{text:<{width}}"


def list_document(portfolio: str) -> dict[str, Any]:
    """The ``list`` JSON document of DESIGN §6 for a portfolio file or URL; initiatives in
    natural id order (``natural_key``)."""
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        settings = load_settings(s)
        rows = sorted(load_initiatives(s), key=lambda r: (natural_key(r.id), r.id))
        currency = settings.currency
    return {
        "currency": currency,
        "initiatives": [
            {
                "id": r.id, "title": r.title, "lead_department": r.lead_department,
                "departments": r.departments, "phase": r.phase, "mandatory": r.mandatory,
                "total_cost": r.total_cost, "total_benefit": r.total_benefit,
                "requires": r.requires,
            }
            for r in rows
        ],
    }


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    doc = list_document(args.portfolio)
    if args.json:
        return 0, doc
    from app.services import labels
    from app.services.formatting import format_amount

    items = doc["initiatives"]
    costs = [format_amount(i["total_cost"], doc["currency"]) if i["total_cost"] is not None
             else "–" for i in items]
    phases = [labels.phase(i["phase"]) for i in items]
    # ids and phases are never cut (the columns take the longest); titles and units are
    # cut with "…" at a width that keeps a line readable
    w_id = max([len(i["id"]) for i in items] + [1])
    w_title = min(TITLE_WIDTH, max([len(i["title"]) for i in items] + [1]))
    w_unit = min(UNIT_WIDTH, max([len(i["lead_department"]) for i in items] + [1]))
    w_phase = max([len(p) for p in phases] + [1])
    w_cost = max([len(c) for c in costs] + [1])
    for item, phase, cost in zip(items, phases, costs):
        mark = " [" + _("mandatory") + "]" if item["mandatory"] else ""
        print(f"{item['id']:<{w_id}}  {fit(item['title'], w_title)}  "
              f"{fit(item['lead_department'], w_unit)}  {phase:<{w_phase}}  "
              f"{cost:>{w_cost}}{mark}")
    print(ngettext("{n} initiative", "{n} initiatives", len(doc["initiatives"])).format(
        n=len(doc["initiatives"])))
    return 0
