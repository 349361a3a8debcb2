"""The import entry point: source + mapping → checked plan → one audited transaction.

All or nothing (DESIGN §9): every problem is collected before anything is written; a
refused import leaves an existing portfolio byte-identical and creates no new file. A
new portfolio is built under a temporary name beside the target and renamed into place
only when the import has succeeded.

Sources that need no mapping: the project-proposal template (``app.services.template``)
and a Prioritise export, recognised by ``app.services.exports.roundtrip`` when that
module exists (the OUTPUTS engineer's; contract in docs/requests.md):
``recognise(path) -> "xlsx" | "csv" | None``, ``csv_mapping() -> dict`` (a DESIGN §10
mapping for the CSV export's fixed header) and ``restore_xlsx(path, session) -> None``
(writes everything the XLSX export holds into the session, raising ``ValidationError``
when refused).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.services.errors import UserError, ValidationError
from app.services.i18n import _, ngettext
from app.services.importing.apply import apply_plan
from app.services.importing.mapping import Mapping, load_mapping, parse_mapping
from app.services.importing.plan import ImportPlan
from app.services.importing.readers import SourceTable, read_source
from app.services.importing.validate import PortfolioState, build_plan

ROUNDTRIP_MODULE = "app.services.exports.roundtrip"


class ImportRefused(ValidationError):
    """The source has problems; nothing was written. ``plan`` holds every problem."""

    def __init__(self, plan: ImportPlan, table: SourceTable | None = None) -> None:
        errors = plan.errors()
        super().__init__(
            ngettext("Nothing was imported: {n} problem in {file}",
                     "Nothing was imported: {n} problems in {file}", len(errors)).format(
                n=len(errors), file=plan.source),
            [str(p) for p in plan.all_problems()],
        )
        self.plan = plan
        self.table = table


@dataclass
class ImportResult:
    """The outcome: the plan, whether the portfolio was created, whether it was written."""

    plan: ImportPlan
    table: SourceTable | None
    created: bool
    written: bool


def _roundtrip() -> Any | None:
    if importlib.util.find_spec(ROUNDTRIP_MODULE) is None:
        return None
    return importlib.import_module(ROUNDTRIP_MODULE)


def resolve_mapping(
    source: Path, mapping: Mapping | str | os.PathLike[str] | dict[str, Any] | None,
) -> tuple[Mapping, str]:
    """The mapping to use and the kind of source ("mapping", "template", "prioritise-csv").

    Without a mapping the source must be a filled template or a Prioritise CSV export;
    otherwise ``UserError`` asks for ``--mapping``.
    """
    if isinstance(mapping, Mapping):
        return mapping, "mapping"
    if isinstance(mapping, dict):
        return parse_mapping(mapping), "mapping"
    if mapping is not None:
        return load_mapping(Path(mapping)), "mapping"
    from app.services import template

    found = template.recognise(source)
    if found is not None:
        return found, "template"
    rt = _roundtrip()
    if rt is not None and rt.recognise(source) == "csv":
        return parse_mapping(rt.csv_mapping(), where="Prioritise CSV"), "prioritise-csv"
    raise UserError(_("{file} is neither a filled Prioritise template nor a Prioritise "
                      "export; give a mapping with --mapping MAP.json (see "
                      "resources/mappings/)").format(file=source.name))


def plan_import(
    source: Path, mapping: Mapping, state: PortfolioState, *, sheet: str | None = None,
    skip_invalid: bool = False,
) -> tuple[SourceTable, ImportPlan]:
    """Read and check ``source``; nothing is written. ``sheet`` overrides the mapping's."""
    table = read_source(source, sheet=sheet or mapping.sheet, header_row=mapping.header_row,
                        encoding=mapping.encoding, delimiter=mapping.delimiter)
    return table, build_plan(table, mapping, state, skip_invalid=skip_invalid)


def _exists(target: str | os.PathLike[str]) -> bool:
    from app.services.store import is_url

    return is_url(target) or Path(target).exists()


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.stem}.import-{os.getpid()}{target.suffix}")


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + ".lock")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def import_source(
    target: str | os.PathLike[str], source: str | os.PathLike[str], *,
    mapping: Mapping | str | os.PathLike[str] | dict[str, Any] | None = None,
    sheet: str | None = None, dry_run: bool = False, skip_invalid: bool = False,
) -> ImportResult:
    """Import ``source`` (CSV/XLSX) into the portfolio ``target`` (file or URL).

    Creates the portfolio when it does not exist (currency from the mapping, else DKK),
    only after the source has passed every check. Raises ``ImportRefused`` listing every
    problem (exit 2), ``MappingError`` for a bad mapping, ``LockedError`` when another
    editor holds the portfolio, ``UserError`` for an unreadable source.
    """
    from app.services.store import create_portfolio, open_portfolio

    src = Path(source)
    rt = _roundtrip()
    if mapping is None and rt is not None and rt.recognise(src) == "xlsx":
        return _restore_export(target, src, rt, dry_run=dry_run)
    resolved, kind = resolve_mapping(src, mapping)
    context = f"import {src.name}"
    if _exists(target):
        with open_portfolio(target) as pf:
            with pf.read() as s:
                state = PortfolioState.load(s)
            table, plan = plan_import(src, resolved, state, sheet=sheet, skip_invalid=skip_invalid)
            plan.kind = kind
            if not plan.ok:
                raise ImportRefused(plan, table)
            if not dry_run:
                with pf.session(context=context) as s:
                    apply_plan(s, plan)
        return ImportResult(plan, table, created=False, written=not dry_run)
    state = PortfolioState.new(resolved.currency or "DKK")
    table, plan = plan_import(src, resolved, state, sheet=sheet, skip_invalid=skip_invalid)
    plan.kind = kind
    if not plan.ok:
        raise ImportRefused(plan, table)
    if dry_run:
        return ImportResult(plan, table, created=False, written=False)
    _create_with(Path(target), state.currency or "DKK",
                 lambda pf: _write(pf, plan, context), create_portfolio)
    return ImportResult(plan, table, created=True, written=True)


def _write(pf: Any, plan: ImportPlan, context: str) -> None:
    with pf.session(context=context) as s:
        apply_plan(s, plan)


def _create_with(target: Path, currency: str, fill: Callable[[Any], None],
                 create: Callable[..., Any]) -> None:
    """Create a portfolio under a temporary name, fill it, then rename it into place."""
    target = target.expanduser().absolute()
    if not target.parent.is_dir():
        raise UserError(_("The folder does not exist: {path}").format(path=target.parent))
    tmp = _temp_path(target)
    _remove(tmp)
    try:
        pf = create(tmp, currency=currency)
        try:
            fill(pf)
        finally:
            pf.close()
        if target.exists():
            raise UserError(_("The file already exists: {path}").format(path=target))
        os.replace(tmp, target)
    finally:
        _remove(tmp)


def _restore_export(target: str | os.PathLike[str], src: Path, rt: Any, *,
                    dry_run: bool) -> ImportResult:
    """Restore a Prioritise XLSX export through the OUTPUTS engineer's round-trip reader."""
    from app.services.store import create_portfolio, open_portfolio

    plan = ImportPlan(source=src.name, records=[], columns=[], unmapped=[], currency=None,
                      fields=set(), kind="prioritise-xlsx")
    context = f"import {src.name}"

    class _DryRun(Exception):
        pass

    def fill(pf: Any) -> None:
        try:
            with pf.session(context=context) as s:
                rt.restore_xlsx(src, s)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass

    if _exists(target):
        with open_portfolio(target) as pf:
            fill(pf)
        return ImportResult(plan, None, created=False, written=not dry_run)
    if dry_run:
        return ImportResult(plan, None, created=False, written=False)
    _create_with(Path(target), "DKK", fill, create_portfolio)
    return ImportResult(plan, None, created=True, written=True)
