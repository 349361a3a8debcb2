"""The audit log in words (issue 8): a stored audit entry as a municipal reader reads it.

The audit listener (``app.services.audit``) stores model attribute names (``mandatory``,
``adopted_on``), values as ``str()`` of the Python value (``True``, ``2027-01-01``,
``1800000.0``, codes such as ``anlaeg``) and, for a created or deleted row, a ``repr`` of a
dict of its content columns. This module turns those into the output language
(``app.services.i18n``): field labels from the export's headers
(``exports.sheets.field_headers``) plus the model attributes the export does not use;
ja/nej, code labels (``app.services.labels``), dates and amounts (``formatting``); a
snapshot as "Label: value; Label: value". The stored text is never changed (it is the
record, shown raw in the GUI's tooltip and written raw to the export's log sheet); text that
cannot be read is shown as stored. No Qt.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.services import formatting, labels
from app.services.i18n import _

#: (kind of a referenced row, its stored id) → a name a person recognises, or None when
#: unknown. Kinds: unit, criterion, scenario, weight_set, goal, requirement,
#: success_criterion, exclusion_group.
Lookup = Callable[[str, str], "str | None"]

#: kinds whose value is the id of another row (``Lookup`` kinds); "…s" is a ", "-joined list
_REF_KINDS = frozenset({"unit", "criterion", "scenario", "weight_set", "goal", "requirement",
                        "success_criterion", "exclusion_group"})
_REF_LISTS = {"units": "unit", "goals": "goal", "requirements": "requirement"}

#: snapshot keys left out: the row's own id, and the initiative (shown in its own column
#: and the history is the initiative's own); datetime columns are left out by kind
_SNAPSHOT_SKIP = frozenset({"id", "initiative_id"})

#: snapshot keys naming the row a row belongs to (a frame's scenario, a weight's set):
#: put after the row's own content, which is what a reader of a narrow column looks for
_SNAPSHOT_LAST = ("scenario_id", "weight_set_id", "group_id", "success_criterion_id")

#: a text value inside a snapshot is cut to this many characters (the tooltip has it all)
SNAPSHOT_TEXT_MAX = 60


def _model_fields() -> dict[str, tuple[str, str]]:
    """Model attribute names the export does not use (or names differently): name →
    (label in the output language, kind). Built per call so it follows the language."""
    return {
        # initiative
        "lead_unit_id": (_("Lead unit"), "unit"),
        "units": (_("Participating units"), "units"),
        "goals": (_("Strategic goals"), "goals"),
        "requirements": (_("External requirements"), "requirements"),
        "status_override": (_("Status light (set by hand)"), "status_light"),
        "status_comment": (_("Status comment"), "text"),
        "created_at": (_("Created"), "datetime"),
        "updated_at": (_("Updated"), "datetime"),
        # lines, assessments, scoring guide, weights, AHP
        "giving_unit_id": (_("Giving unit"), "unit"),
        "criterion_id": (_("Criterion"), "criterion"),
        "assessed_at": (_("Assessed at"), "datetime"),
        "weight_set_id": (_("Weight set"), "weight_set"),
        "parent_criterion_id": (_("Parent criterion"), "criterion"),
        "row_criterion_id": (_("Row criterion"), "criterion"),
        "col_criterion_id": (_("Column criterion"), "criterion"),
        "goal_id": (_("Strategic goal"), "goal"),
        # scenarios, frames, exclusion groups, decisions
        "scenario_id": (_("Scenario"), "scenario"),
        "unit_id": (_("Unit"), "unit"),
        "group_id": (_("Exclusion group"), "exclusion_group"),
        "recorded_at": (_("Recorded at"), "datetime"),
        "created_by": (_("Created by"), "text"),
        # follow-up
        "success_criterion_id": (_("Success criterion"), "success_criterion"),
        "measured_on": (_("Measured on"), "date"),
        "baseline": (_("Baseline"), "float"),
        "baseline_date": (_("Baseline date"), "date"),
        "target_pessimistic": (_("Target (pessimistic)"), "float"),
        "target_likely": (_("Target (likely)"), "float"),
        "target_optimistic": (_("Target (optimistic)"), "float"),
        "target_date": (_("Target date"), "date"),
        "owner": (_("Owner"), "text"),
        # portfolio settings
        "municipality": (_("Municipality"), "text"),
        "currency": (_("Currency"), "text"),
        "cost_overrun_amber": (_("Cost overrun, amber"), "fraction"),
        "cost_overrun_red": (_("Cost overrun, red"), "fraction"),
        "delay_amber_months": (_("Delay, amber (months)"), "float"),
        "delay_red_months": (_("Delay, red (months)"), "float"),
        "full_business_case_threshold": (_("Threshold for a full business case"), "amount"),
        "logo_png": (_("Logo"), "text"),
    }


def _entity_fields() -> dict[tuple[str, str], tuple[str, str]]:
    """Attributes whose meaning depends on the table: (table, name) → (label, kind)."""
    return {
        ("org_unit", "kind"): (_("Kind"), "unit_kind"),
        ("org_unit", "parent_id"): (_("Parent unit"), "unit"),
        ("criterion", "kind"): (_("Scale"), "criterion_kind"),
        ("criterion", "parent_id"): (_("Parent criterion"), "criterion"),
        ("weight_set", "based_on_id"): (_("Based on weight set"), "weight_set"),
        ("scenario", "based_on_id"): (_("Based on scenario"), "scenario"),
        ("scenario", "weight_set_id"): (_("Weight set"), "weight_set"),
        ("initiative", "source"): (_("Import source"), "text"),
        ("field_note", "field"): (_("Field"), "field"),
    }


#: export fields read differently here: the export writes the discount rate as the stored
#: fraction (0.035), a reader of the log wants 3,5 %
_KIND_OVERRIDES = {"discount_rate": "fraction"}


def _status_lights() -> dict[str, str]:
    return {"green": _("Green"), "amber": _("Amber"), "red": _("Red")}


def _events() -> dict[str, str]:
    """The events ``audit.log_event`` records (stored in English) → the output language."""
    return {
        "what-if shown in presentation": _("What-if shown in the presentation"),
        "weights adopted": _("Weights adopted"),
        "what-if": _("What-if scenario made"),
    }


_TABLES: dict[tuple[str, str], tuple[dict[str, tuple[str, str]],
                                    dict[tuple[str, str], tuple[str, str]]]] = {}


def _tables(currency: str) -> tuple[dict[str, tuple[str, str]],
                                    dict[tuple[str, str], tuple[str, str]]]:
    """(attribute → (label, kind), (table, attribute) → (label, kind)) in the current
    output language, built once per language and currency: the export's headers, this
    module's own labels over them, ``_KIND_OVERRIDES`` applied."""
    from app.services.exports.sheets import field_headers

    key = (formatting.language(), currency)
    cached = _TABLES.get(key)
    if cached is None:
        merged = dict(field_headers(currency))
        for name, kind in _KIND_OVERRIDES.items():
            merged[name] = (merged[name][0], kind)
        merged.update(_model_fields())
        cached = _TABLES[key] = (merged, _entity_fields())
    return cached


def _spec(entity: str, field: str, currency: str = "DKK") -> tuple[str, str] | None:
    """(label, kind) of ``field`` of table ``entity``, or None when no table knows it."""
    common, special = _tables(currency)
    return special.get((entity, field)) or common.get(field)


def _fallback_label(field: str) -> str:
    words = field.replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else field


def field_label(entity: str, field: str, currency: str = "DKK") -> str:
    """The label of the audited attribute ``field`` of table ``entity`` in the output
    language: ``("initiative", "mandatory")`` → "Markeret obligatorisk" (da) / "Marked
    mandatory" (en); the export's column headers (``exports.sheets.field_headers``) where
    the export has the attribute, else this module's table. An unknown name is shown with
    spaces for underscores (``"foo_bar"`` → "Foo bar"), never dropped; "" → "".
    ``currency`` (ISO 4217) names the unit in the amount headers."""
    if not field:
        return ""
    spec = _spec(entity, field, currency)
    return spec[0] if spec is not None else _fallback_label(field)


def event_label(what: str) -> str:
    """An audit event (an entry with action "event", ``field`` holding what happened, as
    ``audit.log_event`` stored it in English) in the output language; unknown → as stored."""
    return _events().get(what, what)


def _decimals(raw: str, most: int = 4) -> int:
    """Decimals a stored number was written with (``"1.50"`` → 1), at most ``most``."""
    text = raw.strip().lower()
    if "e" in text or "." not in text:
        return 0 if "e" not in text else most
    return min(len(text.split(".", 1)[1].rstrip("0")), most)


def _ref(kind: str, raw: str, lookup: Lookup | None) -> str:
    name = lookup(kind, raw) if lookup is not None else None
    return name if name else _("no. {id}").format(id=raw)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _format(entity: str, kind: str, raw: str, currency: str, lookup: Lookup | None) -> str:
    """``raw`` (the stored text of a value of column kind ``kind``) in words; raises
    ValueError when it does not read as that kind."""
    if kind == "bool":
        if raw not in ("True", "False"):
            raise ValueError(raw)
        return labels.yes_no(raw == "True")
    if kind in labels.TABLES:
        return labels.label(kind, raw)
    if kind == "status_light":
        return _status_lights().get(raw, raw)
    if kind == "date":
        return formatting.format_date(date.fromisoformat(raw))
    if kind == "datetime":
        at = datetime.fromisoformat(raw)
        local = at.astimezone() if at.tzinfo else at
        return f"{formatting.format_date(local.date())} {local:%H:%M}"
    if kind == "amount":
        value = float(raw)
        return formatting.format_amount(value, currency, 0 if value == int(value) else 2)
    if kind in ("float", "months"):
        return formatting.format_number(float(raw), _decimals(raw))
    if kind == "fraction":  # 0.035 → 3,5 %
        value = float(raw)
        return formatting.format_percent(value, max(1, min(_decimals(raw) - 2, 2)))
    if kind == "percent":  # 0..100
        value = float(raw)
        return formatting.format_percent(value / 100.0, max(1, min(_decimals(raw), 2)))
    if kind == "int":
        return str(int(float(raw)))
    if kind in _REF_KINDS:
        return _ref(kind, raw, lookup)
    if kind in _REF_LISTS:
        return ", ".join(_ref(_REF_LISTS[kind], part.strip(), lookup)
                         for part in raw.split(",") if part.strip())
    if kind == "field":
        return field_label("initiative", raw, currency)
    return _one_line(raw)


def _value(entity: str, field: str, raw: str, currency: str, lookup: Lookup | None) -> str:
    spec = _spec(entity, field, currency)
    kind = spec[1] if spec is not None else "text"
    try:
        return _format(entity, kind, raw, currency, lookup)
    except (ValueError, TypeError, OverflowError):
        return raw


def snapshot_parts(entity: str, raw: str, currency: str = "DKK",
                   lookup: Lookup | None = None,
                   cut: int | None = SNAPSHOT_TEXT_MAX) -> list[str] | None:
    """A created or deleted row's stored snapshot (``repr`` of a dict column → str value,
    read with ``ast.literal_eval``, never ``eval``) as ["Label: value", …] in the column
    order stored, the row it belongs to (scenario, weight set …) last, leaving out the row's own id, the initiative id, timestamps and empty
    values; a value longer than ``cut`` characters is cut with "…" (None: never). None
    when ``raw`` is not such a dict."""
    try:
        content = ast.literal_eval(raw)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if not isinstance(content, dict):
        return None
    parts: list[str] = []
    keys = sorted(content, key=lambda k: k in _SNAPSHOT_LAST)  # stable: own content first
    for key in keys:
        value = content[key]
        if not isinstance(key, str) or key in _SNAPSHOT_SKIP or value is None or value == "":
            continue
        spec = _spec(entity, key, currency)
        if spec is not None and spec[1] == "datetime":
            continue
        text = _value(entity, key, str(value), currency, lookup)
        if cut is not None and len(text) > cut:
            text = text[:cut - 1].rstrip() + "…"
        parts.append(f"{field_label(entity, key, currency)}: {text}")
    return parts


def snapshot_text(entity: str, raw: str, currency: str = "DKK",
                  lookup: Lookup | None = None) -> str:
    """``snapshot_parts`` joined as "Label: value; Label: value" (values cut at
    ``SNAPSHOT_TEXT_MAX`` characters); text that is not a snapshot is returned as stored."""
    parts = snapshot_parts(entity, raw, currency, lookup)
    return raw if parts is None else "; ".join(parts)


def value_text(entity: str, field: str, raw: str | None, currency: str = "DKK",
               lookup: Lookup | None = None) -> str:
    """The stored old or new value ``raw`` of attribute ``field`` of table ``entity`` in
    words: booleans ja/nej (``labels.yes_no``), codes by ``labels`` (phase, assessor,
    line type …), dates and amounts (in ``currency``) by ``formatting``, the id of another
    row by ``lookup`` (kind, id) → name, else "nr. 3" (da) beside the field's label; a
    created/deleted row's snapshot (``field`` "") by ``snapshot_text``. None → ""; text that
    does not read as the field's kind is returned as stored."""
    if raw is None or raw == "":
        return ""
    if not field:
        return snapshot_text(entity, raw, currency, lookup)
    return _value(entity, field, raw, currency, lookup)


def entry_texts(action: str, entity: str, field: str, old: str | None, new: str | None,
                currency: str = "DKK", lookup: Lookup | None = None) -> tuple[str, str, str]:
    """(field, old value, new value) of one audit entry in words, for the audit view and
    an initiative's history. An event (``action`` "event") names what happened in the
    field column (``event_label``) and keeps its values as stored (free text)."""
    if action == "event":
        return event_label(field), _one_line(old or ""), _one_line(new or "")
    return (field_label(entity, field, currency),
            value_text(entity, field, old, currency, lookup),
            value_text(entity, field, new, currency, lookup))


def fields_matching(text: str, currency: str = "DKK") -> set[str]:
    """Attribute names whose label (output language) contains ``text`` (case-insensitive),
    so a search for "obligatorisk" finds the entries of ``mandatory``. Empty text → empty."""
    needle = text.strip().casefold()
    if not needle:
        return set()
    common, special = _tables(currency)
    found = {name for name, (label, _kind) in common.items() if needle in label.casefold()}
    found |= {name for (_entity, name), (label, _kind) in special.items()
              if needle in label.casefold()}
    return found


def names(session: Session) -> Lookup:
    """A ``Lookup`` over the portfolio in ``session``: units, criteria, strategic goals and
    external requirements, weight sets, scenarios, success criteria and exclusion groups by
    their stored id → name (a goal or requirement "code title"). Reads each table once
    (small tables); a row deleted since is not found (None)."""
    from app.models import (
        Criterion,
        ExclusionGroup,
        ExternalRequirement,
        OrgUnit,
        Scenario,
        StrategicGoal,
        SuccessCriterion,
        WeightSet,
    )

    def pairs(*columns) -> dict[str, str]:  # type: ignore[no-untyped-def]
        out: dict[str, str] = {}
        for row in session.execute(select(*columns)):
            out[str(row[0])] = " ".join(str(x) for x in row[1:] if x)
        return out

    table: dict[str, dict[str, str]] = {
        "unit": pairs(OrgUnit.id, OrgUnit.name),
        "criterion": pairs(Criterion.id, Criterion.name),
        "goal": pairs(StrategicGoal.id, StrategicGoal.code, StrategicGoal.title),
        "requirement": pairs(ExternalRequirement.id, ExternalRequirement.code,
                             ExternalRequirement.title),
        "weight_set": pairs(WeightSet.id, WeightSet.name),
        "scenario": pairs(Scenario.id, Scenario.name),
        "success_criterion": pairs(SuccessCriterion.id, SuccessCriterion.name),
        "exclusion_group": pairs(ExclusionGroup.id, ExclusionGroup.name),
    }

    def lookup(kind: str, ident: str) -> str | None:
        return table.get(kind, {}).get(ident)

    return lookup
