"""The command-line interface (DESIGN §6): a public contract for scripts and tests.

Exit codes: 0 success; 2 input or situation refused (``UserError``), with a message on
stderr saying what and where; 1 an internal error. ``--json`` prints exactly one JSON
document on stdout and nothing else there: the process's file descriptor 1 is pointed at
stderr while the work runs, so even a solver library's C-level printing cannot reach it.

Each sub-command lives in ``app/commands/<name>.py`` as ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app import __version__
from app.services.errors import UserError
from app.services.i18n import _, set_language

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_REFUSED = 2


@contextmanager
def stdout_reserved() -> Iterator[None]:
    """Point fd 1 (and ``sys.stdout``) at stderr for the duration of the block."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        old = sys.stdout
        sys.stdout = sys.stderr
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stdout = old
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def emit_json(document: Any) -> None:
    """Print one JSON document on stdout (UTF-8, non-ASCII kept)."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _amount_arg(text: str) -> str:
    return text  # parsed by the command, locale-independently (DESIGN §6)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command of DESIGN §6."""
    p = argparse.ArgumentParser(
        prog="prioritise",
        description="Prioritise: portfolio of digitalisation initiatives for a municipality.",
    )
    p.add_argument("--version", action="version", version=f"prioritise {__version__}")
    sub = p.add_subparsers(dest="command")

    g = sub.add_parser("gui", help="open the desktop application")
    g.add_argument("portfolio", nargs="?")
    g.add_argument("--screenshot", metavar="PNG")
    g.add_argument("--view", default="table")
    g.add_argument("--size", default="1280x720", metavar="WxH")
    g.add_argument("--lang", choices=["da", "en"], default=None)
    g.add_argument("--demo", action="store_true", help="open (creating if needed) the demo")

    d = sub.add_parser("demo", help="create the demo portfolio (Eksempel Kommune)")
    d.add_argument("portfolio")

    i = sub.add_parser("import", help="import a CSV or XLSX file")
    i.add_argument("portfolio")
    i.add_argument("source")
    i.add_argument("--mapping", metavar="MAP.json")
    i.add_argument("--sheet", metavar="NAME")
    i.add_argument("--dry-run", action="store_true")
    i.add_argument("--skip-invalid", action="store_true")
    i.add_argument("--json", action="store_true")

    ls = sub.add_parser("list", help="list the initiatives")
    ls.add_argument("portfolio")
    ls.add_argument("--json", action="store_true")

    t = sub.add_parser("template", help="write the project-proposal template (XLSX)")
    t.add_argument("out")
    t.add_argument("--lang", choices=["da", "en"], default="da")

    r = sub.add_parser("rank", help="rank the initiatives")
    r.add_argument("portfolio")
    r.add_argument("--scenario")
    r.add_argument("--json", action="store_true")

    s = sub.add_parser("select", help="recommend the optimal portfolio under the frames")
    s.add_argument("portfolio")
    s.add_argument("--scenario")
    s.add_argument("--objective", choices=["score", "npv"])
    s.add_argument("--budget", action="append", type=_amount_arg, metavar="AMOUNT|YEAR=AMOUNT")
    s.add_argument("--json", action="store_true")

    f = sub.add_parser("frontier", help="the value curve (efficient frontier)")
    f.add_argument("portfolio")
    f.add_argument("--scenario")
    f.add_argument("--steps", type=int, default=20)
    f.add_argument("--json", action="store_true")

    a = sub.add_parser("ahp", help="weights and consistency of a pairwise-comparison matrix")
    a.add_argument("matrix")
    a.add_argument("--json", action="store_true")

    e = sub.add_parser("export", help="write the agenda item, the PDF bilag, XLSX or CSV")
    e.add_argument("portfolio")
    grp = e.add_mutually_exclusive_group(required=True)
    grp.add_argument("--pdf", metavar="OUT.pdf")
    grp.add_argument("--docx", metavar="OUT.docx")
    grp.add_argument("--xlsx", metavar="OUT.xlsx")
    grp.add_argument("--csv", metavar="OUT.csv")
    e.add_argument("--scenario")
    e.add_argument("--lang", choices=["da", "en"], default="da")
    e.add_argument("--public", action="store_true",
                   help="leave out confidential initiatives (for public agendas)")
    e.add_argument("--appendix", action="store_true", help="PDF: one page per initiative")
    e.add_argument("--meeting-date", help="the meeting date printed on the cover (2027-01-31)")
    return p


#: sub-command → module in app.commands
COMMANDS = {
    "gui": "gui", "demo": "demo", "import": "importing", "list": "listing",
    "template": "template", "rank": "ranking", "select": "selection",
    "frontier": "frontier", "ahp": "ahp", "export": "exporting",
}


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code. Without a sub-command, opens the GUI."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors are refused input
        return EXIT_REFUSED if exc.code not in (0, None) else EXIT_OK
    set_language(getattr(args, "lang", None) or os.environ.get("PRIORITISE_LANG") or "da")
    command = args.command or "gui"
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    module = importlib.import_module(f"app.commands.{COMMANDS[command]}")
    wants_json = bool(getattr(args, "json", False))
    try:
        if wants_json:
            with stdout_reserved():
                result = module.run(args)
            if isinstance(result, tuple):  # (exit code, JSON document)
                code, document = result
                if document is not None:
                    emit_json(document)
                return int(code)
            return int(result)
        result = module.run(args)
        return int(result[0] if isinstance(result, tuple) else result)
    except UserError as exc:
        print(f"prioritise {command}: {exc}", file=sys.stderr)
        for problem in getattr(exc, "problems", []) or []:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        # the reader of stdout went away (e.g. `| head`): not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the exit flush
        except OSError:
            pass
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Interrupted."), file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - the contract: internal errors exit 1
        import traceback

        traceback.print_exc()
        print(f"prioritise {command}: " + _("internal error: {error}").format(error=exc),
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
