"""The data sheets of the XLSX export: which records, which columns, in which order.

One table per record type of ``records.py``. Each column has a stable key (the record's
field name, written on the marker sheet so the reader never depends on the header texts
or the language), a header in the output language, a kind that says how a value is
written and read back, and a width in characters.
Column kinds: text, int, float, amount (kr., shown with thousands separators), percent
(a number 0..100), bool, date, list (``; ``-separated codes/ids), code (stored code as
is), or a label table of ``labels.TABLES`` (the label is written; code or label in either
language is read).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from app.services.exports import records as rec
from app.services.i18n import _


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str
    width: int = 14


@dataclass(frozen=True)
class SheetSpec:
    key: str  # stable id of the table (marker sheet)
    title: str  # sheet name in the output language (≤ 31 characters)
    record: type
    columns: tuple[Column, ...]
    list_attr: str  # the PortfolioDump attribute holding the records


def _fields(currency: str) -> dict[str, tuple[str, str, int]]:
    """Every exported field: key → (header in the output language, kind, width). A field
    reads the same in every sheet it appears in."""
    from app.services.formatting import currency_unit

    cur = currency_unit(currency)
    text = "text"
    return {
        # initiatives
        "id": (_("Id"), text, 12), "title": (_("Title"), text, 40),
        "description": (_("Description"), text, 50),
        "lead_unit_code": (_("Lead unit (code)"), text, 12),
        "unit_codes": (_("Participating units (codes)"), "list", 18),
        "phase": (_("Phase"), "phase", 15), "kind": (_("Kind"), "kind", 12),
        "audience": (_("Audience"), "audience", 13),
        "maturity_level": (_("Maturity level"), "maturity_level", 18),
        "mandatory": (_("Marked mandatory"), "bool", 10),
        "outside_frame": (_("Outside the frame"), "bool", 10),
        "confidential": (_("Confidential"), "bool", 10),
        "start_date": (_("Start date"), "date", 11), "end_date": (_("End date"), "date", 11),
        "baseline_end_date": (_("Baseline end date"), "date", 11),
        "project_owner": (_("Project owner"), text, 18),
        "project_manager": (_("Project manager"), text, 18),
        "benefit_owner": (_("Benefit owner"), text, 18),
        "system_owner": (_("System owner"), text, 18),
        "financing": (_("Financing"), text, 18), "note": (_("Note"), text, 30),
        "discount_rate": (_("Discount rate"), "float", 10),
        "horizon_years": (_("Horizon (years)"), "int", 10),
        "price_base_year": (_("Price base year"), "int", 10),
        "full_business_case": (_("Full business case"), "bool", 10),
        "goal_codes": (_("Strategic goals (codes)"), "list", 14),
        "requirement_codes": (_("External requirements (codes)"), "list", 14),
        # business-case lines
        "initiative_id": (_("Initiative id"), text, 12), "flow": (_("Flow"), "flow", 10),
        "budget_year": (_("Budget year"), "int", 9),
        "line_type": (_("Capital/operating"), "line_type", 10),
        "derived_operating": (_("Derived operating"), "bool", 9),
        "category": (_("Category"), "category", 18),
        "amount": (_("Amount ({currency})").format(currency=cur), "amount", 14),
        "amount_low": (_("Low ({currency})").format(currency=cur), "amount", 13),
        "amount_high": (_("High ({currency})").format(currency=cur), "amount", 13),
        "cash": (_("Cash"), "bool", 7), "fte": (_("Full-time equivalents"), "float", 9),
        "benefit_kind": (_("Benefit kind"), "benefit_kind", 18),
        "beneficiary": (_("Beneficiary"), "beneficiary", 14),
        "giving_unit_code": (_("Giving unit (code)"), text, 12),
        # assessments, dependencies
        "criterion_key": (_("Criterion (key)"), text, 22),
        "assessor": (_("Assessor"), "assessor", 18), "value": (_("Value"), "float", 10),
        "comment": (_("Comment"), text, 40), "assessed_by": (_("Assessed by"), text, 18),
        "requires_id": (_("Requires (id)"), text, 14),
        # units, goals, requirements
        "code": (_("Code"), text, 10), "name": (_("Name"), text, 26),
        "parent_code": (_("Parent (code)"), text, 12), "sort_order": (_("Order"), "int", 7),
        "source_type": (_("Source type"), "source_type", 20), "source": (_("Source"), text, 30),
        "deadline": (_("Deadline"), "date", 11),
        "obliges_local_work": (_("Obliges local work"), "bool", 10),
        "url": (_("Link"), text, 30),
        # criteria, scoring guide, weights
        "key": (_("Key"), text, 22), "parent_key": (_("Parent (key)"), text, 16),
        "goal_code": (_("Strategic goal (code)"), text, 10),
        "lower_is_better": (_("Lower is better"), "bool", 9),
        "anchor_low": (_("Anchor low"), "float", 12),
        "anchor_high": (_("Anchor high"), "float", 12), "unit_label": (_("Unit"), text, 9),
        "active": (_("Active"), "bool", 7), "level": (_("Level"), "int", 7),
        "label": (_("Label"), text, 12), "guide": (_("Scoring guide"), text, 70),
        "set_name": (_("Weight set"), text, 20),
        "status": (_("Status"), "weight_status", 12),
        "adopted_on": (_("Adopted on"), "date", 11), "adopted_by": (_("Adopted by"), text, 18),
        "percent": (_("Weight (%)"), "percent", 10),
        # scenarios, frames, forced choices, notes, decisions
        "objective": (_("Objective"), "objective", 16), "is_what_if": (_("What-if"), "bool", 8),
        "is_default": (_("Default"), "bool", 8), "weight_set_name": (_("Weight set"), text, 20),
        "weight_set_year": (_("Weight set budget year"), "int", 9),
        "capacity_fte": (_("Capacity (full-time equivalents)"), "float", 10),
        "scenario": (_("Scenario"), text, 20), "frame_type": (_("Frame"), "frame_type", 10),
        "unit_code": (_("Unit (code)"), text, 10), "mode": (_("In/out"), "force_mode", 12),
        "field": (_("Field"), text, 18), "text": (_("Text"), text, 60),
        "outcome": (_("Outcome"), "outcome", 20), "forum": (_("Forum"), "forum", 16),
        "decided_on": (_("Date"), "date", 11), "reason": (_("Reason"), text, 40),
        "conditions": (_("Conditions"), text, 30),
        "departs_from_recommendation": (_("Departs from the recommendation"), "bool", 10),
        "recorded_by": (_("Recorded by"), text, 14),
    }


def field_headers(currency: str = "DKK") -> dict[str, tuple[str, str]]:
    """Every exported field as a reader sees it: key (the record's field name, mostly the
    model's attribute name) → (header in the output language, column kind; see the module
    docstring). The one table of these headers: the audit log's labels
    (``app.services.audit_text``) read it too. Amounts are headed in ``currency``."""
    return {key: (header, kind) for key, (header, kind, _width) in _fields(currency).items()}


#: the initiatives sheet puts what a reader looks for first (the other sheets follow the
#: record's field order)
_INITIATIVE_ORDER = (
    "id", "title", "description", "lead_unit_code", "unit_codes", "phase", "kind", "audience",
    "maturity_level", "mandatory", "outside_frame", "confidential", "start_date", "end_date",
    "baseline_end_date", "project_owner", "project_manager", "benefit_owner", "system_owner",
    "financing", "note", "discount_rate", "horizon_years", "price_base_year",
    "full_business_case", "goal_codes", "requirement_codes")


def _spec(key: str, title: str, record: type, list_attr: str, fields: dict,
          order: tuple[str, ...] | None = None,
          overrides: dict[str, tuple[str, str, int]] | None = None) -> SheetSpec:
    """A sheet of every field of ``record`` (in ``order``, else the record's own),
    with headers, kinds and widths from ``fields`` unless ``overrides`` says otherwise."""
    keys = order or tuple(f.name for f in dataclasses.fields(record))
    table = {**fields, **(overrides or {})}
    return SheetSpec(key, title, record, tuple(Column(k, *table[k]) for k in keys), list_attr)


def data_sheets(currency: str = "DKK") -> list[SheetSpec]:
    """The restorable tables, in the order they are written and restored; amounts in
    ``currency`` (named in the headers only)."""
    f = _fields(currency)
    return [
        _spec("initiatives", _("Initiatives"), rec.InitiativeRecord, "initiatives", f,
              _INITIATIVE_ORDER),
        _spec("lines", _("Business case"), rec.LineRecord, "lines", f),
        _spec("assessments", _("Assessments"), rec.AssessmentRecord, "assessments", f),
        _spec("dependencies", _("Dependencies"), rec.DependencyRecord, "dependencies", f),
        _spec("units", _("Units"), rec.UnitRecord, "units", f,
              overrides={"kind": (_("Kind"), "unit_kind", 18), "name": (_("Name"), "text", 36)}),
        _spec("goals", _("Strategic goals"), rec.GoalRecord, "goals", f),
        _spec("requirements", _("External requirements"), rec.RequirementRecord,
              "requirements", f),
        _spec("criteria", _("Criteria"), rec.CriterionRecord, "criteria", f,
              overrides={"kind": (_("Scale"), "criterion_kind", 18)}),
        _spec("levels", _("Scoring guide"), rec.LevelRecord, "levels", f),
        _spec("weights", _("Weights"), rec.WeightRecord, "weights", f),
        _spec("scenarios", _("Scenarios"), rec.ScenarioRecord, "scenarios", f),
        _spec("frames", _("Budget frames"), rec.FrameRecord, "frames", f),
        _spec("forces", _("Forced choices"), rec.ForceRecord, "forces", f),
        _spec("notes", _("Field notes"), rec.NoteRecord, "notes", f),
        _spec("decisions", _("Decisions"), rec.DecisionRecord, "decisions", f),
    ]
