"""Cells → typed values, with a problem for every cell that cannot be read (DESIGN §9).

Blank is missing, never zero. Text matching a ``missing`` pattern is missing and its text
is kept as a note on the field. Any other text that does not parse as the field's type is
an error. Numbers use the declared decimal mark; without one, a value that reads both ways
("1.500") is reported. Dates: Excel dates and serial numbers, ISO, dd.mm.yyyy, dd-mm-yyyy
and the mapping's ``date_format``; a date that does not exist is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.models.enums import CriterionKind, Flow
from app.services.formatting import (
    DateFormatError,
    NumberFormatError,
    excel_serial_to_date,
    parse_date,
    parse_number,
    parse_number_detect,
)
from app.services.i18n import _
from app.services.importing.choices import CHOICES, FALSE_WORDS, TRUE_WORDS, choice_code
from app.services.importing.mapping import JOINED_FIELDS, ColumnSpec, Mapping
from app.services.importing.plan import (
    WARNING, ImportRecord, LineSpec, Problem, ScoreSpec, shown,
)
from app.services.importing.readers import SourceRow

#: Excel serial numbers accepted as dates: 1954-10-04 .. 2119-01-11; smaller integers
#: (e.g. a year typed alone) are not silently read as days since 1900.
SERIAL_RANGE = (20000, 80000)
FORMULA_PREFIXES = ("=", "+", "-", "@")
MAX_LENGTH = {"id": 80, "title": 500, "lead_department": 200, "owner": 200,
              "project_manager": 200, "financing": 100}


class CellError(ValueError):
    """A cell that cannot be read as its field's type; the message says why."""


@dataclass(frozen=True)
class CriterionInfo:
    """What the converter needs to know of a criterion (name, ordinal or numeric)."""

    name: str
    kind: str


_MISSING = object()
_COST, _BENEFIT = Flow.COST.value, Flow.BENEFIT.value
_ORDINAL = CriterionKind.ORDINAL.value


def _text_of(cell: Any) -> str:
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == datetime.min.time() else cell.isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def to_number(cell: Any, decimal: str | None) -> float:
    """A number from an XLSX value or text; raises ``CellError``."""
    if isinstance(cell, bool):
        raise CellError(_("“{text}” is not a number").format(text=cell))
    if isinstance(cell, (int, float)):
        return float(cell)
    try:
        if decimal:
            return parse_number(str(cell), decimal=decimal)
        value, ambiguity = parse_number_detect(str(cell))
    except NumberFormatError as exc:
        raise CellError(str(exc)) from exc
    if ambiguity:
        raise CellError(ambiguity)
    return value


def to_date(cell: Any, date_format: str | None) -> date:
    """A date from an Excel date, an Excel serial number or text; raises ``CellError``."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = _text_of(cell).strip()
    if text.isascii() and text.isdigit() and SERIAL_RANGE[0] <= int(text) <= SERIAL_RANGE[1]:
        return excel_serial_to_date(int(text))
    try:
        return parse_date(text, date_format=date_format)
    except DateFormatError as exc:
        raise CellError(str(exc)) from exc


def to_bool(cell: Any) -> bool:
    if isinstance(cell, bool):
        return cell
    key = _text_of(cell).strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError(_("“{text}” is not yes or no (ja/nej)").format(text=_text_of(cell)))


def _level_error(spec: ColumnSpec, cell: Any, crit: CriterionInfo) -> str:
    """The message of a cell that is no level 0–4 of the ordinal criterion ``crit``:
    naming the values the column allows (its mapping's ``values``, e.g. the template's
    "0 – ingen" … "4 – meget stor") when it has them, else the levels 0–4."""
    allowed = [k for k, v in (spec.values or {}).items() if v in (0, 1, 2, 3, 4)]
    if allowed:
        return _("“{text}” is not a level of “{criterion}”; choose one of: {allowed}").format(
            text=_text_of(cell), criterion=crit.name, allowed="; ".join(allowed))
    return _("“{text}” is not a level 0–4 of “{criterion}”").format(
        text=_text_of(cell), criterion=crit.name)


def _typed(spec: ColumnSpec, cell: Any, mapping: Mapping,
           criteria: dict[str, CriterionInfo]) -> Any:
    kind = spec.kind
    if kind in ("text", "list"):
        return _text_of(cell).strip()
    if kind == "choice":
        code = choice_code(spec.field, _text_of(cell))
        if code is None:
            allowed = ", ".join(da for da, _en in CHOICES[spec.field].values())
            raise CellError(_("“{text}” is not one of: {allowed}").format(
                text=_text_of(cell), allowed=allowed))
        return code
    if kind == "bool":
        return to_bool(cell)
    if kind == "date":
        return to_date(cell, mapping.date_format)
    if kind == "score":
        crit = criteria[spec.field[6:].strip()]
        try:
            value: float | None = to_number(cell, mapping.decimal) * (spec.multiplier or 1.0)
        except CellError:
            if crit.kind != _ORDINAL:
                raise
            value = None  # e.g. "5 – enorm": not a level, said as such below
        if crit.kind == _ORDINAL and (value not in (0, 1, 2, 3, 4)):
            raise CellError(_level_error(spec, cell, crit))
        return value
    value = to_number(cell, mapping.decimal)
    if spec.multiplier is not None:
        value = round(value * spec.multiplier, 6)
    if spec.field == "total_cost" or spec.field.startswith("cost:"):
        if value < 0:
            raise CellError(_("a cost cannot be negative ({value}); enter savings as a "
                              "benefit").format(value=_text_of(cell)))
    return value


def read_cell(spec: ColumnSpec, cell: Any, mapping: Mapping,
              criteria: dict[str, CriterionInfo]) -> tuple[Any, str | None]:
    """(value, note): value ``_MISSING`` when blank or declared missing; note the kept
    text of a declared-missing cell. Raises ``CellError``."""
    if isinstance(cell, str):
        text = cell
        if mapping.strip_quote_prefix and text.startswith("'") and text[1:2] in FORMULA_PREFIXES:
            text = text[1:]
        if not text.strip():
            return _MISSING, None
        if mapping.is_missing(text):
            return _MISSING, text.strip()
        cell = text
    elif cell is None:
        return _MISSING, None
    if spec.values is not None:
        key = _text_of(cell).strip()
        if key in spec.values:
            mapped = spec.values[key]
            if mapped is None:
                return _MISSING, None
            cell = mapped
    return _typed(spec, cell, mapping, criteria), None


def _merge(record: ImportRecord, spec: ColumnSpec, value: Any,
           sources: dict[str, str], by_source: dict[str, str],
           criteria: dict[str, CriterionInfo]) -> None:
    field_name = spec.field
    if spec.kind == "list":
        items = [v.strip() for v in (value.split(spec.split) if spec.split else [value])]
        items = [v for v in items if v]
        if field_name == "departments":
            record.departments.extend(i for i in items if i not in record.departments)
        elif field_name == "requires":
            record.requires.extend(i for i in items if i not in record.requires)
        else:  # field_notes: "<column>: <reason>"
            for item in items:
                col, sep, reason = item.partition(":")
                name = by_source.get(col.strip(), col.strip()) if sep else "note"
                note = (name, reason.strip() if sep else item)
                if note not in record.notes:
                    record.notes.append(note)
        return
    if spec.kind == "year_amount":
        flow = _COST if field_name.startswith("cost:") else _BENEFIT
        record.lines.append(LineSpec(flow, value, spec.year, spec.line_type, spec.source,
                                     spec.benefit_kind))
        return
    if spec.kind == "score":
        name = criteria[field_name[6:].strip()].name  # a key or the name → the name
        for s in record.scores:
            if s.criterion == name and s.assessor == spec.assessor:
                if s.value != value:
                    record.problems.append(Problem(
                        _("columns “{a}” and “{b}” give different values ({x} and {y})").format(
                            a=s.column, b=spec.source, x=shown(s.value), y=shown(value)),
                        record.row, spec.source))
                return
        record.scores.append(ScoreSpec(name, spec.assessor, value, spec.source))
        return
    if field_name in record.values:
        old = record.values[field_name]
        if field_name in JOINED_FIELDS:
            record.values[field_name] = f"{old}\n\n{value}"
        elif old != value:
            record.problems.append(Problem(
                _("columns “{a}” and “{b}” give different values ({x} and {y})").format(
                    a=sources[field_name], b=spec.source, x=shown(old), y=shown(value)),
                record.row, spec.source))
        return
    limit = MAX_LENGTH.get(field_name)
    if limit and isinstance(value, str) and len(value) > limit:
        record.problems.append(Problem(
            _("longer than {n} characters").format(n=shown(limit)), record.row, spec.source))
        return
    record.values[field_name] = value
    sources[field_name] = spec.source
    if spec.kind == "amount":  # total_cost / total_benefit: the type its column gives
        record.total_types[field_name] = (spec.line_type, spec.benefit_kind)


def prepare_columns(
    columns: list[str], mapping: Mapping, criteria: dict[str, CriterionInfo],
) -> tuple[list[tuple[int, ColumnSpec]], dict[str, str]]:
    """(index of the source column, spec) of every mapped column the source has, in mapping
    order (score columns of an unknown criterion left out: reported once for the file),
    and source column → field."""
    index = {name: i for i, name in enumerate(columns)}
    used = [(index[spec.source], spec) for spec in mapping.columns
            if spec.source in index
            and not (spec.kind == "score" and spec.field[6:].strip() not in criteria)]
    return used, {c.source: c.field for c in mapping.columns}


def convert_row(
    row: SourceRow, columns: list[str], mapping: Mapping,
    criteria: dict[str, CriterionInfo],
    prepared: tuple[list[tuple[int, ColumnSpec]], dict[str, str]] | None = None,
) -> ImportRecord:
    """Convert one source row; every unreadable cell becomes a problem on the record.
    ``prepared``: ``prepare_columns(columns, mapping, criteria)``, computed once per source."""
    record = ImportRecord(row=row.number)
    sources: dict[str, str] = {}
    used, by_source = prepared or prepare_columns(columns, mapping, criteria)
    cells = row.cells
    n = len(cells)
    for i, spec in used:
        cell = cells[i] if i < n else None
        if cell is None and not spec.required:
            continue  # blank: missing, never zero (read_cell gives _MISSING, no note)
        try:
            value, note = read_cell(spec, cell, mapping, criteria)
        except CellError as exc:
            record.problems.append(Problem(str(exc), row.number, spec.source))
            continue
        if note is not None:
            if spec.kind == "list" and spec.field == "field_notes":
                continue
            if (spec.field, note) not in record.notes:
                record.notes.append((spec.field, note))
        if value is not _MISSING:
            _merge(record, spec, value, sources, by_source, criteria)
        elif spec.required and note is None:
            record.problems.append(Problem(_("a value is required here"), row.number, spec.source))
    _row_checks(record, mapping)
    return record


def _row_checks(record: ImportRecord, mapping: Mapping) -> None:
    fields = mapping.fields()
    if "id" in fields and not record.values.get("id") and not mapping.generate_ids:
        record.problems.append(Problem(_("the id is missing"), record.row,
                                       source_of(mapping, "id")))
    start, end = record.date("start_date"), record.date("end_date")
    if start and end and end < start:
        record.problems.append(Problem(
            _("the end date {end} is before the start date {start}; imported as given").format(
                end=shown(end), start=shown(start)),
            record.row, source_of(mapping, "end_date"), severity=WARNING))
    _total_checks(record, mapping)


def _total_checks(record: ImportRecord, mapping: Mapping) -> None:
    """A total given beside yearly lines is only a cross-check (DESIGN §10)."""
    for flow, total_field in ((Flow.COST.value, "total_cost"), (Flow.BENEFIT.value, "total_benefit")):
        total = record.values.get(total_field)
        yearly = [ln.amount for ln in record.lines if ln.flow == flow]
        if total is None or not yearly or abs(sum(yearly) - total) <= 0.5:
            continue
        record.problems.append(Problem(
            _("the total {total} differs from the sum of the yearly lines {sum}; the yearly "
              "lines are imported").format(total=shown(total), sum=shown(sum(yearly))),
            record.row, source_of(mapping, total_field), severity=WARNING))


def source_of(mapping: Mapping, field_name: str) -> str | None:
    return next((c.source for c in mapping.columns if c.field == field_name), None)
