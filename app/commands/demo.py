"""``prioritise demo PORTFOLIO``: create the demo portfolio "Eksempel Kommune"; refuses
(exit 2) to overwrite an existing file (DESIGN §6)."""

from __future__ import annotations

import argparse

from app.services.demo import create_demo
from app.services.i18n import _


def run(args: argparse.Namespace) -> int:
    create_demo(args.portfolio)
    print(_("Created the demo portfolio {file} (Eksempel Kommune, illustrative values)").format(
        file=args.portfolio))
    return 0
