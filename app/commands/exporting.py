"""``prioritise export PORTFOLIO (--pdf OUT | --docx OUT | --xlsx OUT | --csv OUT)
[--scenario NAME] [--lang da|en] [--public] [--appendix] [--meeting-date DATE]``
(DESIGN §6, issue 7).

A reader: opens the portfolio read-only, takes no lock and never writes it. The output is
written atomically (temporary file beside the target, then renamed), so a failed or
interrupted export leaves no partial file.
"""

from __future__ import annotations

import argparse
import sys

from app.services.exports import FORMATS, export
from app.services.i18n import _


def run(args: argparse.Namespace) -> int:
    fmt = next(f for f in FORMATS if getattr(args, f, None))
    out = getattr(args, fmt)
    appendix = bool(getattr(args, "appendix", False))
    if appendix and fmt != "pdf":
        print(_("--appendix applies to the PDF only; ignored."), file=sys.stderr)
    meeting = getattr(args, "meeting_date", None)
    meeting_date = None
    if meeting:
        from app.services.errors import UserError
        from app.services.formatting import DateFormatError, parse_date

        try:
            meeting_date = parse_date(meeting)
        except DateFormatError as exc:
            raise UserError(_("--meeting-date: {error}").format(error=exc)) from exc
    path = export(args.portfolio, fmt, out, scenario=args.scenario,
                  public=bool(getattr(args, "public", False)), appendix=appendix,
                  meeting_date=meeting_date)
    print(_("Wrote {path}").format(path=path), file=sys.stderr)
    return 0
