"""``prioritise template OUT.xlsx [--lang da|en]``: write the project-proposal template."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.services.errors import UserError
from app.services.i18n import _
from app.services.template import write_template


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise UserError(_("The template is an Excel workbook; give a file name ending in "
                          ".xlsx, not {name}").format(name=out.name))
    if not out.parent.is_dir():
        raise UserError(_("The folder does not exist: {path}").format(path=out.parent))
    try:
        write_template(out, lang=args.lang or "da")
    except OSError as exc:
        raise UserError(_("Cannot write {file}: {error}").format(file=out, error=exc)) from exc
    print(_("Wrote the project-proposal template {file}").format(file=out))
    return 0
