"""Read Prioritise's own exports back (DESIGN §10): an XLSX export restores everything it
holds, a CSV export the initiatives' main fields and totals, into an empty portfolio with
no options.

Hooks for the importer (``prioritise import``):

* ``is_prioritise_export(path) -> bool`` — True for an XLSX with the marker sheet or a CSV
  with the fixed header; never raises.
* ``read_export(path) -> PortfolioDump`` — all records, or ``ValidationError`` listing
  every problem with sheet, row and column (rows as the spreadsheet shows them).
* ``restore(session, dump) -> dict[str, int]`` (in ``restore.py``) — writes the records
  into an open session (the caller commits, so a refused import changes nothing).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.services.errors import ValidationError
from app.services import labels
from app.services.exports.records import PortfolioDump, SettingsRecord
from app.services.exports.sheets import data_sheets
from app.services.i18n import _

MARKER_SHEET = "Prioritise"
MARKER = "prioritise-export"
_TRUE = {"ja", "yes", "true", "1", "sand"}
_FALSE = {"nej", "no", "false", "0", "falsk"}


def is_prioritise_export(path: str | Path) -> bool:
    """True when ``path`` is an XLSX or CSV file exported by Prioritise."""
    p = Path(path)
    try:
        if p.suffix.lower() == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(p, read_only=True, data_only=True)
            try:
                if MARKER_SHEET not in wb.sheetnames:
                    return False
                first = next(wb[MARKER_SHEET].iter_rows(min_row=1, max_row=1, values_only=True),
                             ())
                return bool(first) and first[0] == MARKER
            finally:
                wb.close()
        if p.suffix.lower() in (".csv", ".txt"):
            from app.services.exports.csv_export import is_prioritise_csv

            return is_prioritise_csv(p)
    except Exception:  # noqa: BLE001 - anything unreadable is simply not our export
        return False
    return False


def _optional(cls: type, name: str) -> bool:
    hint = next(f.type for f in dataclasses.fields(cls) if f.name == name)
    return "None" in str(hint)


def _convert(value: Any, kind: str, optional: bool, reverse: dict[str, dict[str, str]]) -> Any:
    """A cell value → the record's value; raises ValueError with the reason."""
    from app.services.formatting import parse_date, parse_number

    if value is None or (isinstance(value, str) and value.strip() == ""):
        if optional:
            return None
        if kind in ("text", "code", "line_type"):
            return ""  # a blank line type: not split into anlæg and drift
        if kind == "list":
            return []
        if kind == "bool":
            return False
        raise ValueError(_("a value is required"))
    if kind in ("text", "code"):
        return str(value) if not isinstance(value, float) or not value.is_integer() else str(int(value))
    if kind == "list":
        return [x.strip() for x in str(value).split(";") if x.strip()]
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(_("“{text}” is not yes or no").format(text=value))
    if kind == "int":
        number = value if isinstance(value, (int, float)) else parse_number(str(value), decimal=".")
        if float(number) != int(number):
            raise ValueError(_("“{text}” is not a whole number").format(text=value))
        return int(number)
    if kind in ("float", "amount", "percent"):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return float(parse_number(str(value), decimal="."))
    if kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        return parse_date(str(value))
    if kind in labels.TABLES:
        table = reverse.setdefault(kind, labels.reverse(kind))
        code = table.get(str(value).strip().casefold())
        if code is None and kind in labels.OPEN_TABLES:
            return str(value).strip()
        if code is None:
            raise ValueError(_("“{text}” is not a known value").format(text=value))
        return code
    raise ValueError(f"unknown column kind {kind}")


def read_export(path: str | Path) -> PortfolioDump:
    """Read an XLSX export of Prioritise into records (see module docstring).

    Raises ``ValidationError`` with every problem (sheet, row, column) and ``UserError``
    when the file is not such an export.
    """
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    p = Path(path)
    if p.suffix.lower() == ".csv":
        from app.services.exports.csv_export import read_csv_export

        return read_csv_export(p)
    if not is_prioritise_export(p):
        raise ValidationError(_("{file} is not a file exported by Prioritise").format(file=p.name))
    wb = load_workbook(p, read_only=True, data_only=True)
    problems: list[str] = []
    try:
        settings: dict[str, Any] = {}
        tables: dict[str, tuple[str, list[str]]] = {}
        for row in wb[MARKER_SHEET].iter_rows(min_row=2, values_only=True):
            if not row or row[0] is None:
                continue
            if row[0] == "setting" and len(row) >= 3:
                settings[str(row[1])] = row[2]
            elif row[0] == "table" and len(row) >= 3:
                tables[str(row[1])] = (str(row[2]), [str(x) for x in row[3:] if x is not None])
        s = settings
        try:
            dump = PortfolioDump(settings=SettingsRecord(
                name=str(s.get("name") or ""), municipality=str(s.get("municipality") or ""),
                description=str(s.get("description") or ""), currency=str(s["currency"]),
                price_base_year=int(s["price_base_year"]), budget_year=int(s["budget_year"]),
                discount_rate=float(s["discount_rate"]), horizon_years=int(s["horizon_years"]),
                full_business_case_threshold=float(s["full_business_case_threshold"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(_("{file}: the sheet “{sheet}” is damaged ({error})").format(
                file=p.name, sheet=MARKER_SHEET, error=exc)) from exc
        reverse: dict[str, dict[str, str]] = {}
        for spec in data_sheets():
            if spec.key not in tables:
                continue
            title, keys = tables[spec.key]
            if title not in wb.sheetnames:
                problems.append(_("{file}: sheet “{sheet}” is missing").format(file=p.name,
                                                                              sheet=title))
                continue
            kinds = {col.key: col.kind for col in spec.columns}
            missing = [k for k in kinds if k not in keys]
            if missing:
                problems.append(_("{file}, sheet “{sheet}”: columns missing: {cols}").format(
                    file=p.name, sheet=title, cols=", ".join(missing)))
                continue
            target = getattr(dump, spec.list_attr)
            optional = {k: _optional(spec.record, k) for k in kinds}
            for r, row in enumerate(wb[title].iter_rows(min_row=2, values_only=True), start=2):
                if row is None or all(v is None or v == "" for v in row):
                    continue
                values: dict[str, Any] = {}
                for ci, key in enumerate(keys):
                    if key not in kinds:
                        continue
                    raw = row[ci] if ci < len(row) else None
                    try:
                        values[key] = _convert(raw, kinds[key], optional[key], reverse)
                    except ValueError as exc:
                        problems.append(_("{file}, sheet “{sheet}”, row {row}, column {col} "
                                          "({field}): {error}").format(
                            file=p.name, sheet=title, row=r, col=get_column_letter(ci + 1),
                            field=key, error=exc))
                if len(values) == len(kinds):
                    target.append(spec.record(**values))
    finally:
        wb.close()
    seen: dict[str, int] = {}
    for k, ini in enumerate(dump.initiatives, start=2):
        if ini.id in seen:
            problems.append(_("{file}: the id {id} occurs twice (rows {a} and {b})").format(
                file=p.name, id=ini.id, a=seen[ini.id], b=k))
        seen.setdefault(ini.id, k)
    if problems:
        raise ValidationError(_("{file} cannot be imported").format(file=p.name), problems)
    return dump
