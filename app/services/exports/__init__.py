"""Outputs for the political system and for spreadsheet users (DESIGN §8, issue 7): the
agenda item (DOCX), the PDF bilag, XLSX (re-importable) and CSV.

Use ``export(portfolio, fmt, out, ...)``: a reader (opens the portfolio read-only, takes no
lock, never writes it) that writes ``out`` atomically. For a GUI worker pass
``hooks=ExportHooks(progress=..., cancel=...)``: ``progress(fraction, text)`` is called
between steps and ``cancel()`` is polled; when it returns True the export raises
``Cancelled`` and leaves no file.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from app.services.exports.common import Cancelled, ExportHooks, atomic_output

FORMATS = ("pdf", "docx", "xlsx", "csv")

__all__ = ["FORMATS", "Cancelled", "ExportHooks", "export", "export_from_session"]


def export_from_session(session, fmt: str, out: str | os.PathLike[str], *,
                        scenario: str | None = None, public: bool = False,
                        appendix: bool = False, meeting_date: date | None = None,
                        hooks: ExportHooks | None = None) -> Path:
    """Write ``fmt`` from an open (read) session to ``out`` atomically; returns the path.

    ``fmt``: pdf | docx | xlsx | csv. ``public``: leave confidential initiatives out.
    ``appendix``: PDF only, one page per initiative. ``meeting_date``: printed on the
    cover and in the agenda item. Texts are in the current language
    (``app.services.i18n.set_language``). Raises ``UserError`` (unknown scenario, missing
    folder), ``Cancelled``; never leaves a partial file.
    """
    from app.services.exports.content import gather

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    hooks = hooks or ExportHooks()
    target = Path(out)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():  # refuse before the (slow) gathering, not after it
        from app.services.errors import UserError
        from app.services.i18n import _

        raise UserError(_("The folder {folder} does not exist.").format(folder=folder))
    content = gather(session, scenario=scenario, public=public, audit=(fmt == "xlsx"),
                     charts=(fmt == "pdf"), hooks=hooks)
    content.meeting_date = meeting_date
    with atomic_output(target) as tmp:
        if fmt == "pdf":
            from app.services.exports.pdf.document import build_pdf

            build_pdf(content, tmp, appendix=appendix, hooks=hooks)
        elif fmt == "docx":
            from app.services.exports.docx_agenda import build_docx

            build_docx(content, tmp, hooks=hooks)
        elif fmt == "xlsx":
            from app.services.exports.xlsx_export import build_xlsx

            build_xlsx(content, tmp, hooks=hooks)
        else:
            from app.services.exports.csv_export import build_csv

            build_csv(content, tmp, hooks=hooks)
        hooks.step(1.0, "")
    return target


def export(portfolio: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str], *,
           scenario: str | None = None, public: bool = False, appendix: bool = False,
           meeting_date: date | None = None, hooks: ExportHooks | None = None) -> Path:
    """Open ``portfolio`` read-only (no lock) and export it; see ``export_from_session``."""
    from app.services.store import open_portfolio

    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as session:
        return export_from_session(session, fmt, out, scenario=scenario, public=public,
                                   appendix=appendix, meeting_date=meeting_date, hooks=hooks)
