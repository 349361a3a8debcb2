"""The import entry point: source + mapping → checked plan → one audited transaction.

All or nothing (DESIGN §9): every problem is collected before anything is written; a
refused import leaves an existing portfolio byte-identical and creates no new file. A
new portfolio is built under a temporary name beside the target and renamed into place
only when the import has succeeded.

Sources that need no mapping: the project-proposal template (``app.services.template``)
and a Prioritise export (DESIGN §10), recognised and read by the OUTPUTS engineer's
``app.services.exports.roundtrip`` (``is_prioritise_export``, ``read_export``) and
written by ``app.services.exports.restore.restore(session, dump)`` inside the one
import transaction; the hook is skipped while those modules do not exist.
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
from app.services.formatting import format_number
from app.services.i18n import _, ngettext
from app.services.importing.apply import apply_plan
from app.services.importing.mapping import Mapping, MappingError, load_mapping, parse_mapping
from app.services.importing.plan import ImportPlan
from app.services.importing.readers import SourceTable, read_source, sniff_source
from app.services.importing.validate import PortfolioState, build_plan
from app.services.portfolio_file import looks_like_portfolio

ROUNDTRIP_MODULE = "app.services.exports.roundtrip"
RESTORE_MODULE = "app.services.exports.restore"


class ImportRefused(ValidationError):
    """The source has problems; nothing was written. ``plan`` holds every problem."""

    def __init__(self, plan: ImportPlan, table: SourceTable | None = None) -> None:
        errors = plan.errors()
        super().__init__(
            ngettext("Nothing was imported: {n} problem in {file}",
                     "Nothing was imported: {n} problems in {file}", len(errors)).format(
                n=format_number(len(errors)), file=plan.source),
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
    """The mapping to use and the kind of source ("mapping" or "template").

    Without a mapping the source must be a filled template (a Prioritise export is
    handled before, by ``import_source``); otherwise ``UserError`` asks for ``--mapping``.
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


def _open_existing(target: str | os.PathLike[str], *, readonly: bool) -> Any | None:
    """The portfolio at ``target`` opened, or None when it does not exist yet (no file,
    or a database that holds no portfolio)."""
    from app.services.errors import NotAPortfolioError
    from app.services.store import is_url, open_portfolio

    if not is_url(target):
        return open_portfolio(target, readonly=readonly) if Path(target).exists() else None
    try:
        return open_portfolio(target, readonly=readonly)
    except NotAPortfolioError:
        return None


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


def check_files(source: str | os.PathLike[str], mapping: str | os.PathLike[str] | None) -> None:
    """Refuse, naming it (``UserError``, exit 2): a source or mapping that is missing or a
    folder, a source that is not an ordinary file (a FIFO, a device), and a source that
    is a Prioritise portfolio (one portfolio is not imported into another; its XLSX
    export is, DESIGN §10)."""
    if Path(source).is_dir():
        raise UserError(_("The source {path} is a folder, not a file").format(path=source))
    if Path(source).exists() and not Path(source).is_file():
        raise UserError(_("The source {path} is not an ordinary file (a device, pipe or "
                          "socket); give a CSV or XLSX file").format(path=source))
    if not Path(source).is_file():
        raise UserError(_("The source file {path} does not exist").format(path=source))
    if mapping is not None and Path(mapping).is_dir():
        raise UserError(_("The mapping {path} is a folder, not a mapping file (give a "
                          "MAP.json, e.g. one in resources/mappings/)").format(path=mapping))
    if mapping is not None and not Path(mapping).is_file():
        raise UserError(_("The mapping file {path} does not exist").format(path=mapping))
    refuse_portfolio_source(Path(source))


def refuse_portfolio_source(source: Path) -> None:
    """Raise ``UserError`` when ``source`` is a Prioritise portfolio: one portfolio is not
    imported into another; its XLSX export is (the supported route, DESIGN §10)."""
    if looks_like_portfolio(source):
        raise UserError(_("{file} is a Prioritise portfolio, not a source to import: one "
                          "portfolio is not imported into another. To bring its content "
                          "over, export it to XLSX (prioritise export {file} --xlsx "
                          "OUT.xlsx) and import that file").format(file=source.name))


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
    from app.services.store import create_portfolio, is_url

    check_files(source, mapping if isinstance(mapping, (str, os.PathLike)) else None)
    src = Path(source)
    sniff_source(src)  # a PDF, a damaged workbook …: said so, not "give a mapping"
    rt = _roundtrip()
    if mapping is None and rt is not None and rt.is_prioritise_export(src):
        return _restore_export(target, src, rt, dry_run=dry_run)
    resolved, kind = resolve_mapping(src, mapping)
    context = f"import {src.name}"
    existing = _open_existing(target, readonly=dry_run)
    if existing is not None:
        # a dry run only reads: no lock, so it works while an editor has the file open
        with existing as pf:
            return _import_open(pf, src, resolved, kind, sheet=sheet, dry_run=dry_run,
                                skip_invalid=skip_invalid)
    state = PortfolioState.new(resolved.currency or "DKK")
    table, plan = plan_import(src, resolved, state, sheet=sheet, skip_invalid=skip_invalid)
    plan.kind = kind
    if not plan.ok:
        raise ImportRefused(plan, table)
    if dry_run:
        return ImportResult(plan, table, created=False, written=False)
    if is_url(target):  # an empty database: the store creates the schema, then we fill it
        with create_portfolio(target, currency=state.currency or "DKK") as pf:
            _write(pf, plan, context, weights=resolved.weights)
        return ImportResult(plan, table, created=True, written=True)
    create_filled(target, lambda pf: _write(pf, plan, context, weights=resolved.weights),
                  currency=state.currency or "DKK")
    return ImportResult(plan, table, created=True, written=True)


def import_into(
    pf: Any, source: str | os.PathLike[str], *,
    mapping: Mapping | str | os.PathLike[str] | dict[str, Any] | None = None,
    sheet: str | None = None, dry_run: bool = False, skip_invalid: bool = False,
) -> ImportResult:
    """Import into a portfolio that is already open for editing (the GUI holds the lock).

    Same checks and errors as ``import_source``; one transaction ``import <file>``.
    """
    src = Path(source)
    refuse_portfolio_source(src)
    sniff_source(src)
    rt = _roundtrip()
    if mapping is None and rt is not None and rt.is_prioritise_export(src):
        dump = rt.read_export(src)
        plan = _export_plan(src, dump)
        _restore_fill(plan, dump, src, dry_run)(pf)
        return ImportResult(plan, None, created=False, written=not dry_run)
    resolved, kind = resolve_mapping(src, mapping)
    return _import_open(pf, src, resolved, kind, sheet=sheet, dry_run=dry_run,
                        skip_invalid=skip_invalid)


def _import_open(pf: Any, src: Path, mapping: Mapping, kind: str, *, sheet: str | None,
                 dry_run: bool, skip_invalid: bool) -> ImportResult:
    with pf.read() as s:
        state = PortfolioState.load(s)
    table, plan = plan_import(src, mapping, state, sheet=sheet, skip_invalid=skip_invalid)
    plan.kind = kind
    if not plan.ok:
        raise ImportRefused(plan, table)
    if not dry_run:
        _write(pf, plan, f"import {src.name}")
    return ImportResult(plan, table, created=False, written=not dry_run)


def _write(pf: Any, plan: ImportPlan, context: str,
           weights: dict[str, float] | None = None) -> None:
    from app.models import PortfolioSettings

    with pf.session(context=context) as s:
        settings = s.get(PortfolioSettings, 1)
        if plan.currency_was and settings is not None:
            # validation let a source in another currency through only because the
            # portfolio holds no amounts yet: it takes the source's currency (audited)
            settings.currency = plan.currency
        if settings is not None and isinstance(plan.price_base, int) \
                and settings.price_base_year != plan.price_base:
            # validation refuses another price base year when the portfolio holds
            # amounts; a new or empty one takes the source's (audited)
            settings.price_base_year = plan.price_base
        apply_plan(s, plan)
        if weights:
            _set_initial_weights(s, weights)


def _set_initial_weights(session: Any, weights: dict[str, float]) -> None:
    """Put the mapping's ``weights`` (criterion name → percent) on the draft weights of the
    portfolio the import has just created; every other criterion gets 0 %, so a source
    that supports few criteria ranks on those (and its rows are complete). Raises
    ``MappingError`` naming a criterion the portfolio does not have."""
    from sqlalchemy import select

    from app.models import Criterion, Weight, WeightSet

    by_name = {c.name: c for c in session.scalars(select(Criterion))}
    unknown = sorted(set(weights) - set(by_name))
    if unknown:
        raise MappingError(_("\"weights\" names criteria the portfolio does not have: "
                             "{names}").format(names=", ".join(unknown)))
    for weight_set in session.scalars(select(WeightSet)):
        for weight in list(weight_set.weights):
            session.delete(weight)
        session.flush()
        for name, criterion in by_name.items():
            if criterion.parent_id is None:
                weight_set.weights.append(
                    Weight(criterion_id=criterion.id, percent=weights.get(name, 0.0)))


def create_filled(target: str | os.PathLike[str], fill: Callable[[Any], None],
                  **create_kwargs: Any) -> None:
    """Create a portfolio file under a temporary name beside ``target``, let ``fill(pf)``
    write it, and rename it into place only when that succeeded; on any error no file is
    left. ``create_kwargs`` go to ``store.create_portfolio`` (currency, municipality, …).
    Raises ``UserError`` when ``target`` exists or its folder does not."""
    from app.services.store import create_portfolio

    path = Path(target).expanduser().absolute()
    if path.exists():
        raise UserError(_("The file already exists: {path}").format(path=path))
    if not path.parent.is_dir():
        raise UserError(_("The folder does not exist: {path}").format(path=path.parent))
    tmp = _temp_path(path)
    _remove(tmp)
    try:
        pf = create_portfolio(tmp, **create_kwargs)
        try:
            fill(pf)
        finally:
            pf.close()
        if path.exists():
            raise UserError(_("The file already exists: {path}").format(path=path))
        os.replace(tmp, path)
    finally:
        _remove(tmp)


class _DryRun(Exception):
    """Raised inside the import transaction to roll a dry run back."""


def _export_plan(src: Path, dump: Any) -> ImportPlan:
    return ImportPlan(source=src.name, records=[], columns=[], unmapped=[],
                      currency=dump.settings.currency or None, fields=set(),
                      kind="prioritise-export")


def _restore_fill(plan: ImportPlan, dump: Any, src: Path, dry_run: bool) -> Callable[[Any], None]:
    """``fill(pf)``: restore ``dump`` in one transaction (rolled back for a dry run)."""
    writer = importlib.import_module(RESTORE_MODULE)

    def fill(pf: Any) -> None:
        if getattr(dump, "partial", False):  # a CSV export: refused over initiatives,
            with pf.read() as s:             # checked before the write (and its backup)
                writer.refuse_partial(s, dump)
        try:
            with pf.session(context=f"import {src.name}") as s:
                plan.restored = dict(writer.restore(s, dump))
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass

    return fill


def _restore_export(target: str | os.PathLike[str], src: Path, rt: Any, *,
                    dry_run: bool) -> ImportResult:
    """Restore a Prioritise export (XLSX: everything; CSV: main fields and totals) through
    the OUTPUTS engineer's reader (``read_export``) and writer (``exports.restore``)."""
    import tempfile

    from app.services.store import open_portfolio

    dump = rt.read_export(src)  # ValidationError listing every problem: nothing written
    plan = _export_plan(src, dump)
    fill = _restore_fill(plan, dump, src, dry_run)
    currency = dump.settings.currency or "DKK"
    if _exists(target):
        with open_portfolio(target) as pf:
            fill(pf)
        return ImportResult(plan, None, created=False, written=not dry_run)
    if dry_run:  # check against a throw-away portfolio; the target is not created
        with tempfile.TemporaryDirectory() as tmp:
            create_filled(Path(tmp) / "dry-run.portfolio", fill, currency=currency)
        return ImportResult(plan, None, created=False, written=False)
    create_filled(target, fill, currency=currency)
    return ImportResult(plan, None, created=True, written=True)


def is_export(source: str | os.PathLike[str]) -> bool:
    """True when ``source`` is a Prioritise export that imports with no mapping."""
    rt = _roundtrip()
    return bool(rt is not None and rt.is_prioritise_export(Path(source)))
