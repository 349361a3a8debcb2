"""``prioritise template OUT.xlsx [--portfolio PORTFOLIO] [--lang da|en]``: write the
project-proposal template.

With ``--portfolio`` the template is pre-filled from that portfolio, as the GUI's File →
New proposal template does for the open one: its units, its currency, its budget year and
its price base year (the year whose prices the amounts are in, the one the bilag states). Without it the
budget year is next year and the prices the current year's (``write_template``). The
portfolio is opened read-only and takes no lock."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.services.errors import UserError
from app.services.i18n import _
from app.services.portfolio_file import looks_like_portfolio
from app.services.oserrors import os_error_text
from app.services.template import write_template


def portfolio_defaults(portfolio: str) -> dict[str, object]:
    """``write_template`` keywords from a portfolio file or URL: ``units`` (unit names),
    ``budget_year``, ``price_base_year`` and ``currency`` (``PortfolioSettings``). Raises ``UserError``
    (exit 2) for a file that is not a portfolio, newer, or corrupt (``open_portfolio``)."""
    from app.services.snapshots import load_settings, load_units
    from app.services.store import open_portfolio

    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        settings = load_settings(s)
        return {"units": [u.name for u in load_units(s).values()],
                "budget_year": settings.budget_year,
                "price_base_year": settings.price_base_year,
                "currency": settings.currency}


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(_("The template is an Excel workbook; give a file name ending in "
                          ".xlsx, not {name}").format(name=out.name))
    if not out.parent.is_dir():
        raise UserError(_("The folder does not exist: {path}").format(path=out.parent))
    if out.exists() and not looks_like_portfolio(out.resolve()):
        # a portfolio gets the write guard's own message; any other file may be a template
        # the forvaltninger have filled in: never replaced (DESIGN §9: no data is lost)
        raise UserError(_("{file} already exists; the template never replaces a file, which "
                          "may hold filled-in proposals. Give a new file name, or delete the "
                          "old file first").format(file=out))
    portfolio = getattr(args, "portfolio", None)
    defaults = portfolio_defaults(portfolio) if portfolio else {}
    try:
        write_template(out, lang=args.lang or "da", **defaults)  # type: ignore[arg-type]
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {error}").format(
            file=out, error=os_error_text(exc))) from exc
    print(_("Wrote the project-proposal template {file}").format(file=out))
    return 0
