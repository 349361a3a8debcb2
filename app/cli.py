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
import re
import sys
from collections.abc import Iterator
from pathlib import Path
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


def _marked(text: str) -> str:
    """Identity: marks a help text for the catalogue (``scripts/i18n.py services``
    extracts every ``_("…")``); ``TranslatedHelpFormatter`` translates it when help is
    printed, so building the parser never reads the catalogue (start-up stays quick)."""
    return text


class TranslatedHelpFormatter(argparse.HelpFormatter):
    """argparse's help in the current service language (``app.services.i18n``): our help
    texts and description, and argparse's own usage prefix, headings and ``-h`` text,
    which Python ships in English only."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return _(action.help) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(_(text) if text else text)

    def start_section(self, heading: str | None) -> None:
        own = {"positional arguments": _("positional arguments"), "options": _("options")}
        super().start_section((own.get(heading) or _(heading)) if heading else heading)

    def add_usage(self, usage: str | None, actions: Any, groups: Any,
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def _argparse_messages() -> list[tuple[re.Pattern[str], str]]:
    """argparse's own error messages (Python ships them in English only) as patterns over
    the formatted text, each with our catalogue's message; the groups fill its fields."""
    _ = _marked  # translated when an error is reported (translate_argparse_error)
    table = [
        (r"argument (?P<argument>.+?): (?P<message>.*)", _("argument {argument}: {message}")),
        (r"expected one argument", _("expected one value")),
        (r"expected at most one argument", _("expected at most one value")),
        (r"expected at least one argument", _("expected at least one value")),
        (r"unrecognized arguments: (?P<args>.*)", _("unrecognised arguments: {args}")),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)",
         _("invalid choice: {value} (choose from {choices})")),
        (r"the following arguments are required: (?P<args>.*)",
         _("the following arguments are required: {args}")),
        (r"one of the arguments (?P<args>.*) is required",
         _("one of the arguments {args} is required")),
        (r"not allowed with argument (?P<other>.*)", _("not allowed with argument {other}")),
        (r"invalid int value: (?P<value>.*)", _("not a whole number: {value}")),
        (r"invalid (?P<type>\S+) value: (?P<value>.*)", _("invalid value: {value}")),
        (r"ambiguous option: (?P<option>.*) could match (?P<matches>.*)",
         _("ambiguous option: {option} could be {matches}")),
        (r"ignored explicit argument (?P<value>.*)", _("ignored explicit argument {value}")),
    ]
    return [(re.compile(pattern, re.DOTALL), message) for pattern, message in table]


def translate_argparse_error(message: str) -> str:
    """argparse's error ``message`` (English, formatted) in the current service language;
    a message not in ``_argparse_messages`` is returned unchanged. The ``argument X:``
    prefix is kept with its inner message translated in turn."""
    global _ARGPARSE_MESSAGES
    if _ARGPARSE_MESSAGES is None:
        _ARGPARSE_MESSAGES = _argparse_messages()
    for pattern, template in _ARGPARSE_MESSAGES:
        m = pattern.fullmatch(message)
        if m is None:
            continue
        fields = m.groupdict()
        if "message" in fields:
            fields["message"] = translate_argparse_error(fields["message"])
        return _(template).format(**fields)
    return message


_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], str]] | None = None


class Parser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` with errors in the service language and values that
    look like negative numbers taken as values: ``--budget -1e12`` gives ``--budget`` the
    value ``-1e12`` (argparse itself counts only ``-5`` and ``-.5`` as numbers and would
    call ``-1e12`` an unknown option). No option of ours starts with ``-`` and a digit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # consulted by argparse's parser when it classifies a '-…' argument (the rule
        # Python 3.13 adopted: '-' followed by a digit or '.digit')
        self._negative_number_matcher = re.compile(r"^-\.?\d")

    def error(self, message: str) -> Any:  # -> NoReturn
        """Print the usage and the translated message on stderr; exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(
            prog=self.prog, message=translate_argparse_error(message)) + "\n")


def _with_help(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    _ = _marked  # translated when printed
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                        help=_("show this help message and exit"))
    return parser


class _ViewKeys:
    """The keys of ``gui --view`` in navigation order (``registry.MANIFEST``), read when
    the help is printed: the registry imports Qt, which other commands never need."""

    def __str__(self) -> str:
        from app.ui.views.registry import MANIFEST

        return ", ".join(e.key for e in sorted(MANIFEST, key=lambda e: e.order))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command of DESIGN §6.

    Help texts are English in the source and translated when help is printed (Danish
    by default; ``--lang en`` or ``PRIORITISE_LANG=en`` for English).
    """
    _ = _marked  # translated when printed (TranslatedHelpFormatter), not here
    common: dict[str, Any] = {"formatter_class": TranslatedHelpFormatter, "add_help": False}
    p = _with_help(Parser(
        prog="prioritise",
        description=_("Prioritise: portfolio of digitalisation initiatives for a "
                      "municipality. Without a command, the desktop application opens."),
        **common,
    ))
    p.add_argument("--version", action="version", version=f"prioritise {__version__}",
                   help=_("show the version number and exit"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND", title=_("commands"))

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return _with_help(sub.add_parser(name, help=help_text, description=help_text,
                                         **common))

    g = command("gui", _("open the desktop application"))
    g.add_argument("portfolio", nargs="?",
                   help=_("the portfolio file or PostgreSQL URL to open (default: the last "
                          "one opened)"))
    g.add_argument("--screenshot", metavar="PNG",
                   help=_("render one view to this PNG file without a window, then exit "
                          "(opens the portfolio read-only)"))
    view = g.add_argument("--view", default="table",
                          help=_("the view to show or render: %(views)s (default: %(default)s)"))
    # argparse fills %(name)s in a help text from the action's attributes
    view.views = _ViewKeys()  # type: ignore[attr-defined]
    g.add_argument("--scenario", metavar="NAME",
                   help=_("the scenario to show (default: the portfolio's default scenario)"))
    g.add_argument("--size", default="1280x720", metavar="WxH",
                   help=_("size of the screenshot in pixels (default: 1280x720)"))
    g.add_argument("--lang", choices=["da", "en"], default=None,
                   help=_("language of the application: da (Danish) or en (English)"))
    g.add_argument("--demo", action="store_true",
                   help=_("open the demo portfolio (Eksempel Kommune), creating it if needed"))

    d = command("demo", _("create the demo portfolio (Eksempel Kommune)"))
    d.add_argument("portfolio")

    i = command("import", _("import a CSV or XLSX file"))
    i.add_argument("portfolio")
    i.add_argument("source")
    i.add_argument("--mapping", metavar="MAP.json")
    i.add_argument("--sheet", metavar="NAME")
    i.add_argument("--dry-run", action="store_true")
    i.add_argument("--skip-invalid", action="store_true")
    i.add_argument("--json", action="store_true")

    ls = command("list", _("list the initiatives"))
    ls.add_argument("portfolio")
    ls.add_argument("--json", action="store_true")

    t = command("template", _("write the project-proposal template (XLSX)"))
    t.add_argument("out")
    t.add_argument("--portfolio", metavar="PORTFOLIO",
                   help=_("pre-fill units, budget year and price base from this portfolio"))
    t.add_argument("--lang", choices=["da", "en"], default="da")

    r = command("rank", _("rank the initiatives"))
    r.add_argument("portfolio")
    r.add_argument("--scenario")
    r.add_argument("--json", action="store_true")

    s = command("select", _("recommend the optimal portfolio under the frames"))
    s.add_argument("portfolio")
    s.add_argument("--scenario")
    s.add_argument("--objective", choices=["score", "npv"])
    s.add_argument("--budget", action="append", type=_amount_arg, metavar="AMOUNT|YEAR=AMOUNT")
    s.add_argument("--json", action="store_true")

    f = command("frontier", _("the value curve (efficient frontier)"))
    f.add_argument("portfolio")
    f.add_argument("--scenario")
    f.add_argument("--steps", type=int, default=20)
    f.add_argument("--json", action="store_true")

    c = command("compare", _("compare two scenarios: ranks, recommended portfolios, budget"))
    c.add_argument("portfolio")
    c.add_argument("a", metavar="A", help=_("the first scenario"))
    c.add_argument("b", metavar="B", help=_("the second scenario"))
    c.add_argument("--json", action="store_true")

    sv = command("sensitivity", _("how far the weights can move before the top k or the "
                                  "recommended portfolio changes; rank intervals"))
    sv.add_argument("portfolio")
    sv.add_argument("--scenario")
    sv.add_argument("--top", type=int, default=10, metavar="K")
    sv.add_argument("--draws", type=int, default=10_000, metavar="N")
    sv.add_argument("--json", action="store_true")

    a = command("ahp", _("weights and consistency of a pairwise-comparison matrix"))
    a.add_argument("matrix")
    a.add_argument("--json", action="store_true")

    e = command("export", _("write the agenda item, the PDF bilag, XLSX or CSV"))
    e.add_argument("portfolio")
    grp = e.add_mutually_exclusive_group(required=True)
    grp.add_argument("--pdf", metavar="OUT.pdf")
    grp.add_argument("--docx", metavar="OUT.docx")
    grp.add_argument("--xlsx", metavar="OUT.xlsx")
    grp.add_argument("--csv", metavar="OUT.csv")
    e.add_argument("--scenario")
    e.add_argument("--lang", choices=["da", "en"], default="da")
    e.add_argument("--public", action="store_true",
                   help=_("leave out confidential initiatives (for public agendas)"))
    e.add_argument("--appendix", action="store_true", help=_("PDF: one page per initiative"))
    e.add_argument("--meeting-date",
                   help=_("the meeting date printed on the cover (2027-01-31)"))
    return p


def _language_asked(argv: list[str]) -> str:
    """The language of help and messages before the arguments are parsed: ``--lang`` on
    the command line, else ``PRIORITISE_LANG``, else Danish."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else (
            arg.partition("=")[2] if arg.startswith("--lang=") else None)
        if value in ("da", "en"):
            return value
    env = os.environ.get("PRIORITISE_LANG")
    return env if env in ("da", "en") else "da"


def _damaged(exc: BaseException, args: argparse.Namespace) -> UserError | None:
    """The ``UserError`` for SQLite's report of a damaged portfolio (``store.damaged_error``;
    raised wherever the damaged page is first read), naming the command's portfolio."""
    from app.services.store import damaged_error, is_url

    target = getattr(args, "portfolio", None)
    if getattr(args, "demo", False) and not target:
        from app.ui.opening import demo_path

        target = demo_path()
    where = None if target is None else (
        str(target) if is_url(target) else Path(target).expanduser().absolute())
    return damaged_error(exc, where)


#: sub-command → module in app.commands
COMMANDS = {
    "gui": "gui", "demo": "demo", "import": "importing", "list": "listing",
    "template": "template", "rank": "ranking", "select": "selection",
    "frontier": "frontier", "ahp": "ahp", "export": "exporting", "compare": "compare",
    "sensitivity": "sensitivity",
}


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code. Without a sub-command, opens the GUI."""
    parser = build_parser()
    set_language(_language_asked(sys.argv[1:] if argv is None else argv))  # for --help
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors are refused input
        return EXIT_REFUSED if exc.code not in (0, None) else EXIT_OK
    set_language(getattr(args, "lang", None) or os.environ.get("PRIORITISE_LANG") or "da")
    command = args.command or "gui"
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    if command == "gui" and not args.screenshot:
        from app.ui.startup import pause_garbage_collection

        pause_garbage_collection()  # until the main window is shown (app/ui/startup.py)
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
        damaged = _damaged(exc, args)
        if damaged is not None:  # a file damaged in the middle: refused input, not a bug
            print(f"prioritise {command}: {damaged}", file=sys.stderr)
            return EXIT_REFUSED
        import traceback

        traceback.print_exc()
        print(f"prioritise {command}: " + _("internal error: {error}").format(error=exc),
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
