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

    for item in doc["initiatives"]:
        cost = format_amount(item["total_cost"], doc["currency"]) if item["total_cost"] is not None else "–"
        mark = " [" + _("mandatory") + "]" if item["mandatory"] else ""
        print(f"{item['id']:<18} {item['title'][:60]:<60} {item['lead_department'][:24]:<24} "
              f"{labels.phase(item['phase']):<18} {cost:>20}{mark}")
    print(ngettext("{n} initiative", "{n} initiatives", len(doc["initiatives"])).format(
        n=len(doc["initiatives"])))
    return 0
