"""Import mapping files (DESIGN §10): load, validate and describe the target fields.

A mapping is a public format that users save and share; keys may be added, never renamed.
Keys added here beyond DESIGN §10 (all optional): per column ``line_type`` ("anlaeg" —
also written "anlæg" — or "drift", for ``total_cost`` and ``cost:<year>``; without it a
cost is "not split into anlæg and drift", never drift), ``benefit_kind``
("budgetrealiserbar" | "ikke_budgetrealiserbar" | "kvalitativ", for ``total_benefit`` and
``benefit:<year>``; without it the kind is unknown and the benefit is never counted as
budget-realisable), ``assessor`` ("proposer" | "unit" | "agreed", for
``score:`` fields, default agreed) and ``required`` (a blank cell is an error); top level
``price_base`` (the prices the source's amounts are in: a year such as 2023,
"nominal" for current prices of each year, or "not_stated"), ``strip_quote_prefix``
(remove the ``'`` that an export put before text starting with = + - @) and
``generate_ids`` (a row with a blank id gets a generated one instead of an error).
Extra target fields:
``project_manager``, ``maturity_level`` and ``field_notes`` (a list of
"<column>: <reason>" items, e.g. the GMPP ``withheld_fields`` column, kept as notes on the
named fields).
"""

from __future__ import annotations

import fnmatch
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from app.models.enums import Assessor, BenefitKind, LineType
from app.services.errors import ValidationError
from app.services.i18n import _
from app.services.importing.plan import plain_number

TEXT_FIELDS = frozenset({"id", "title", "description", "lead_department", "owner",
                         "financing", "note", "project_manager"})
CHOICE_FIELDS = frozenset({"phase", "kind", "audience", "maturity_level"})
BOOL_FIELDS = frozenset({"mandatory", "outside_frame", "confidential"})
DATE_FIELDS = frozenset({"start_date", "end_date"})
AMOUNT_FIELDS = frozenset({"total_cost", "total_benefit"})
LIST_FIELDS = frozenset({"departments", "requires", "field_notes"})
#: text fields whose values from several columns are joined rather than coalesced
JOINED_FIELDS = frozenset({"description", "note"})
PLAIN_FIELDS = TEXT_FIELDS | CHOICE_FIELDS | BOOL_FIELDS | DATE_FIELDS | AMOUNT_FIELDS | LIST_FIELDS
PREFIXES = ("cost:", "benefit:", "score:")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252")
DELIMITERS = (",", ";", "\t")
#: ``line_type`` values → the stored code ("anlæg" as Danes write it, "anlaeg" the code)
LINE_TYPES = {"anlaeg": LineType.CAPITAL.value, "anlæg": LineType.CAPITAL.value,
              "drift": LineType.OPERATING.value}
BENEFIT_KINDS = tuple(k.value for k in BenefitKind)
#: ``price_base`` words besides a year: amounts in current prices of each year (løbende
#: priser), or a source that states no price base
PRICE_BASE_WORDS = ("nominal", "not_stated")
#: the years a ``price_base`` may name
PRICE_BASE_YEARS = (1900, 2200)


class MappingError(ValidationError):
    """A mapping file that cannot be used; ``problems`` lists every fault."""


@dataclass(frozen=True)
class ColumnSpec:
    """How one source column becomes a target field."""

    source: str
    field: str
    multiplier: float | None = None
    values: dict[str, Any] | None = None
    split: str | None = None
    line_type: str | None = None
    benefit_kind: str | None = None
    assessor: str = Assessor.AGREED.value
    required: bool = False

    @cached_property  # asked for every cell of an import; the spec is frozen
    def kind(self) -> str:
        """The field's kind: text, choice, bool, date, amount, list, year_amount, score."""
        f = self.field
        if f.startswith(("cost:", "benefit:")):
            return "year_amount"
        if f.startswith("score:"):
            return "score"
        for kind, names in (("text", TEXT_FIELDS), ("choice", CHOICE_FIELDS),
                            ("bool", BOOL_FIELDS), ("date", DATE_FIELDS),
                            ("amount", AMOUNT_FIELDS), ("list", LIST_FIELDS)):
            if f in names:
                return kind
        raise KeyError(f)  # pragma: no cover - validated on load

    @cached_property
    def year(self) -> int | None:
        """The budget year of a ``cost:<year>`` / ``benefit:<year>`` field."""
        return int(self.field.split(":", 1)[1]) if self.kind == "year_amount" else None


@dataclass
class Mapping:
    """A validated mapping (DESIGN §10). ``None`` means detected or default."""

    columns: list[ColumnSpec]
    name: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str | None = None
    date_format: str | None = None
    currency: str | None = None
    sheet: str | None = None
    header_row: int = 1
    missing: list[str] = field(default_factory=list)
    strip_quote_prefix: bool = False
    generate_ids: bool = False
    #: the prices of the source's amounts: a year, "nominal", "not_stated"; None: not
    #: given (the amounts are taken to be in the portfolio's price base, DESIGN §7)
    price_base: int | str | None = None
    #: criterion name → percent, for the draft weights of a portfolio the import creates
    #: (rank on the criteria the source supports); ignored for an existing portfolio
    weights: dict[str, float] = field(default_factory=dict)

    def is_missing(self, text: str) -> bool:
        """True when the stripped text matches a ``missing`` glob pattern (case-sensitive,
        the whole cell; ``*`` matches line breaks too)."""
        if not self.missing:
            return False
        stripped = text.strip()
        return any(_glob(p).fullmatch(stripped) for p in self.missing)

    def fields(self) -> set[str]:
        """The target fields this mapping fills."""
        return {c.field for c in self.columns}

    def to_json(self) -> dict[str, Any]:
        """The mapping as its JSON document (for saving from the wizard)."""
        doc: dict[str, Any] = {}
        for key in ("name", "encoding", "delimiter", "decimal", "date_format", "currency",
                    "sheet"):
            value = getattr(self, key)
            if value:
                doc[key] = value
        if self.header_row != 1:
            doc["header_row"] = self.header_row
        if self.missing:
            doc["missing"] = list(self.missing)
        if self.strip_quote_prefix:
            doc["strip_quote_prefix"] = True
        if self.generate_ids:
            doc["generate_ids"] = True
        if self.price_base is not None:
            doc["price_base"] = self.price_base
        if self.weights:
            doc["weights"] = dict(self.weights)
        cols: dict[str, Any] = {}
        for c in self.columns:
            spec: dict[str, Any] = {"field": c.field}
            for key in ("multiplier", "values", "split", "line_type", "benefit_kind"):
                if getattr(c, key) is not None:
                    spec[key] = getattr(c, key)
            if c.assessor != Assessor.AGREED.value:
                spec["assessor"] = c.assessor
            if c.required:
                spec["required"] = True
            cols[c.source] = spec
        doc["columns"] = cols
        return doc


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    # fnmatch.translate wraps the pattern in (?s:...): `*` matches line breaks too
    return re.compile(fnmatch.translate(pattern))


def _check_field(name: str) -> str | None:
    """None when ``name`` is a valid target field, else the reason."""
    if name in PLAIN_FIELDS:
        return None
    if name.startswith(("cost:", "benefit:")):
        year = name.split(":", 1)[1]
        if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2200:
            return None
        return _("“{field}”: the year after “:” must be a year such as 2027").format(field=name)
    if name.startswith("score:") and name[6:].strip():
        return None
    return _("unknown target field “{field}”").format(field=name)


def _column(source: str, spec: Any, problems: list[str]) -> ColumnSpec | None:
    where = _("column “{column}”").format(column=source)
    if isinstance(spec, str):
        spec = {"field": spec}
    if not isinstance(spec, dict) or not isinstance(spec.get("field"), str):
        problems.append(where + ": " + _("needs an object with a \"field\""))
        return None
    reason = _check_field(spec["field"])
    if reason:
        problems.append(f"{where}: {reason}")
        return None
    mult = spec.get("multiplier")
    if mult is not None and (isinstance(mult, bool) or not isinstance(mult, (int, float))):
        problems.append(where + ": " + _("\"multiplier\" must be a number"))
        return None
    values = spec.get("values")
    if values is not None and not isinstance(values, dict):
        problems.append(where + ": " + _("\"values\" must be an object of source text → value"))
        return None
    split = spec.get("split")
    if split is not None and (not isinstance(split, str) or not split):
        problems.append(where + ": " + _("\"split\" must be a non-empty text"))
        return None
    line_type = spec.get("line_type")
    cost = spec["field"] == "total_cost" or spec["field"].startswith("cost:")
    benefit = spec["field"] == "total_benefit" or spec["field"].startswith("benefit:")
    if line_type is not None and (not isinstance(line_type, str)
                                  or line_type.strip().casefold() not in LINE_TYPES):
        problems.append(where + ": " + _("\"line_type\" must be \"anlaeg\" (or \"anlæg\") or "
                                         "\"drift\", not {value}").format(value=_shown(line_type)))
        return None
    if line_type is not None and not (cost or benefit):
        problems.append(where + ": " + _("\"line_type\" belongs to a cost or benefit field "
                                         "(total_cost, cost:<year>, …), not “{field}”").format(
            field=spec["field"]))
        return None
    if line_type is not None:
        line_type = LINE_TYPES[line_type.strip().casefold()]
    benefit_kind = spec.get("benefit_kind")
    if benefit_kind is not None and benefit_kind not in BENEFIT_KINDS:
        problems.append(where + ": " + _("\"benefit_kind\" must be {allowed}, not {value}").format(
            allowed=", ".join(f'"{k}"' for k in BENEFIT_KINDS), value=_shown(benefit_kind)))
        return None
    if benefit_kind is not None and not benefit:
        problems.append(where + ": " + _("\"benefit_kind\" belongs to a benefit field "
                                         "(total_benefit, benefit:<year>), not “{field}”").format(
            field=spec["field"]))
        return None
    assessor = spec.get("assessor", Assessor.AGREED.value)
    if assessor not in {a.value for a in Assessor}:
        problems.append(where + ": " + _("\"assessor\" must be proposer, unit or agreed"))
        return None
    return ColumnSpec(source=source, field=spec["field"],
                      multiplier=float(mult) if mult is not None else None,
                      values=values, split=split, line_type=line_type,
                      benefit_kind=benefit_kind, assessor=assessor,
                      required=bool(spec.get("required", False)))


def _shown(value: Any) -> str:
    """A mapping value as a message quotes it: JSON's own notation ("drift", 2023, true)."""
    return json.dumps(value, ensure_ascii=False)


def _price_base(doc: dict[str, Any], problems: list[str]) -> int | str | None:
    value = doc.get("price_base")
    if value is None:
        return None
    low, high = PRICE_BASE_YEARS
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    if isinstance(value, str) and value in PRICE_BASE_WORDS:
        return value
    problems.append(_("\"price_base\" must be a year such as 2023 (the amounts are in that "
                      "year's prices), \"nominal\" (current prices of each year) or "
                      "\"not_stated\", not {value}").format(value=_shown(value)))
    return None


def parse_mapping(doc: Any, where: str = "mapping") -> Mapping:
    """Validate a mapping document. Raises ``MappingError`` listing every problem."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        raise MappingError(_("{where}: a mapping must be a JSON object").format(where=where))
    columns_doc = doc.get("columns")
    if not isinstance(columns_doc, dict) or not columns_doc:
        problems.append(_("\"columns\" must be an object with at least one column"))
        columns_doc = {}
    choices = {"encoding": ENCODINGS, "delimiter": DELIMITERS, "decimal": (".", ",")}
    for key, allowed in choices.items():
        if key in doc and doc[key] not in allowed:
            problems.append(_("\"{key}\" must be one of {allowed}").format(
                key=key, allowed=", ".join(repr(a) for a in allowed)))
    currency = doc.get("currency")
    if currency is not None and not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)):
        problems.append(_("\"currency\" must be an ISO 4217 code such as \"DKK\""))
    header_row = doc.get("header_row", 1)
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 1:
        problems.append(_("\"header_row\" must be a whole number from 1"))
        header_row = 1
    missing = doc.get("missing", [])
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        problems.append(_("\"missing\" must be a list of texts (glob patterns)"))
        missing = []
    for key in ("name", "date_format", "sheet"):
        if key in doc and not isinstance(doc[key], str):
            problems.append(_("\"{key}\" must be a text").format(key=key))
    weights = doc.get("weights", {})
    if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, (int, float)) and not isinstance(v, bool)
            and v >= 0 for k, v in weights.items()):
        problems.append(_("\"weights\" must be an object of criterion name → percent ≥ 0"))
        weights = {}
    elif weights and abs(sum(weights.values()) - 100.0) > 1e-6:
        problems.append(_("\"weights\" must sum to 100 %, not {total}").format(
            total=plain_number(sum(weights.values()))))
    price_base = _price_base(doc, problems)
    columns = [c for s, spec in columns_doc.items() if (c := _column(s, spec, problems))]
    if problems:
        raise MappingError(_("The mapping {where} cannot be used").format(where=where), problems)
    return Mapping(
        columns=columns, name=str(doc.get("name", "")), encoding=doc.get("encoding"),
        delimiter=doc.get("delimiter"), decimal=doc.get("decimal"),
        date_format=doc.get("date_format"), currency=currency, sheet=doc.get("sheet"),
        header_row=header_row, missing=list(missing),
        strip_quote_prefix=bool(doc.get("strip_quote_prefix", False)),
        generate_ids=bool(doc.get("generate_ids", False)),
        weights={k: float(v) for k, v in weights.items()}, price_base=price_base,
    )


def json_error_text(msg: str) -> str | None:
    """The output language's words for the common messages of Python's JSON parser
    (``json.JSONDecodeError.msg``, CPython ``Lib/json/decoder.py`` and ``_json.c``), or
    None for one not known (the caller then gives only the line and column)."""
    known = {
        "Expecting value": _("a value is expected here (text in \"…\", a number, true, "
                             "false, null, an object or a list)"),
        "Expecting ',' delimiter": _("a comma is expected here (between two entries)"),
        "Expecting ':' delimiter": _("a colon is expected here (after a name)"),
        "Expecting property name enclosed in double quotes": _(
            "a name in double quotes is expected here (a comma too many before “}”, or a "
            "name in single quotes?)"),
        "Extra data": _("more text follows the end of the JSON document"),
        "Unterminated string starting at": _("a text in quotes begins here and is never "
                                             "closed"),
        "Invalid control character at": _("a line break or tab inside a text in quotes "
                                          "(write \\n or \\t)"),
        "Invalid \\escape": _("an unknown escape with \\ (write \\\\ for a backslash)"),
        "Invalid \\uXXXX escape": _("an unknown escape with \\ (write \\\\ for a backslash)"),
        "Illegal trailing comma before end of object": _("a comma too many before “}”"),
        "Illegal trailing comma before end of array": _("a comma too many before “]”"),
    }
    return known.get(msg)


def load_mapping(path: Path) -> Mapping:
    """Read and validate a mapping file (UTF-8 JSON). Raises ``MappingError`` (exit 2 in
    the CLI) for an unreadable file, one that is not text (e.g. a portfolio or a
    workbook given by mistake), invalid JSON or an invalid mapping."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise MappingError(_("Cannot read the mapping {file}: {error}").format(
            file=path, error=exc)) from exc
    except UnicodeDecodeError as exc:
        raise MappingError(_("The mapping {file} is not a text file (a mapping is a JSON "
                             "file, e.g. resources/mappings/uk_gmpp_full.json); byte "
                             "{position} is not UTF-8.").format(
            file=path.name, position=exc.start)) from exc
    except json.JSONDecodeError as exc:
        detail = json_error_text(exc.msg)
        where = _("line {line}, column {col}").format(line=exc.lineno, col=exc.colno)
        text = (_("The mapping {file} is not valid JSON ({where}): {detail}") if detail
                else _("The mapping {file} is not valid JSON ({where})"))
        raise MappingError(text.format(file=path.name, where=where, detail=detail)) from exc
    return parse_mapping(doc, where=path.name)
