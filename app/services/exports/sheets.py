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


def data_sheets() -> list[SheetSpec]:
    """The restorable tables, in the order they are written and restored."""
    C = Column
    return [
        SheetSpec("initiatives", _("Initiatives"), rec.InitiativeRecord, (
            C("id", _("Id"), "text", 12), C("title", _("Title"), "text", 40),
            C("description", _("Description"), "text", 50),
            C("lead_unit_code", _("Lead unit (code)"), "text", 12),
            C("unit_codes", _("Participating units (codes)"), "list", 18),
            C("phase", _("Phase"), "phase", 15), C("kind", _("Kind"), "kind", 12),
            C("audience", _("Audience"), "audience", 13),
            C("maturity_level", _("Maturity level"), "code", 14),
            C("mandatory", _("Marked mandatory"), "bool", 10),
            C("outside_frame", _("Outside the frame"), "bool", 10),
            C("confidential", _("Confidential"), "bool", 10),
            C("start_date", _("Start date"), "date", 11), C("end_date", _("End date"), "date", 11),
            C("baseline_end_date", _("Baseline end date"), "date", 11),
            C("project_owner", _("Project owner"), "text", 18),
            C("project_manager", _("Project manager"), "text", 18),
            C("benefit_owner", _("Benefit owner"), "text", 18),
            C("system_owner", _("System owner"), "text", 18),
            C("financing", _("Financing"), "text", 18), C("note", _("Note"), "text", 30),
            C("discount_rate", _("Discount rate"), "float", 10),
            C("horizon_years", _("Horizon (years)"), "int", 10),
            C("price_base_year", _("Price base year"), "int", 10),
            C("full_business_case", _("Full business case"), "bool", 10),
            C("goal_codes", _("Strategic goals (codes)"), "list", 14),
            C("requirement_codes", _("External requirements (codes)"), "list", 14),
        ), "initiatives"),
        SheetSpec("lines", _("Business case"), rec.LineRecord, (
            C("initiative_id", _("Initiative id"), "text", 12), C("flow", _("Flow"), "flow", 10),
            C("budget_year", _("Budget year"), "int", 9),
            C("line_type", _("Capital/operating"), "line_type", 10),
            C("derived_operating", _("Derived operating"), "bool", 9),
            C("category", _("Category"), "category", 18),
            C("financing", _("Financing"), "text", 18),
            C("amount", _("Amount (kr.)"), "amount", 14),
            C("amount_low", _("Low (kr.)"), "amount", 13),
            C("amount_high", _("High (kr.)"), "amount", 13),
            C("cash", _("Cash"), "bool", 7), C("fte", _("Full-time equivalents"), "float", 9),
            C("benefit_kind", _("Benefit kind"), "benefit_kind", 18),
            C("beneficiary", _("Beneficiary"), "beneficiary", 14),
            C("giving_unit_code", _("Giving unit (code)"), "text", 12),
            C("note", _("Note"), "text", 30),
        ), "lines"),
        SheetSpec("assessments", _("Assessments"), rec.AssessmentRecord, (
            C("initiative_id", _("Initiative id"), "text", 12),
            C("criterion_key", _("Criterion (key)"), "text", 22),
            C("assessor", _("Assessor"), "assessor", 18), C("value", _("Value"), "float", 10),
            C("comment", _("Comment"), "text", 40), C("assessed_by", _("Assessed by"), "text", 18),
        ), "assessments"),
        SheetSpec("dependencies", _("Dependencies"), rec.DependencyRecord, (
            C("initiative_id", _("Initiative id"), "text", 14),
            C("requires_id", _("Requires (id)"), "text", 14), C("note", _("Note"), "text", 40),
        ), "dependencies"),
        SheetSpec("units", _("Units"), rec.UnitRecord, (
            C("code", _("Code"), "text", 12), C("name", _("Name"), "text", 36),
            C("kind", _("Kind"), "code", 14), C("parent_code", _("Parent (code)"), "text", 12),
            C("sort_order", _("Order"), "int", 7),
        ), "units"),
        SheetSpec("goals", _("Strategic goals"), rec.GoalRecord, (
            C("code", _("Code"), "text", 10), C("title", _("Title"), "text", 40),
            C("description", _("Description"), "text", 50), C("sort_order", _("Order"), "int", 7),
        ), "goals"),
        SheetSpec("requirements", _("External requirements"), rec.RequirementRecord, (
            C("code", _("Code"), "text", 10), C("title", _("Title"), "text", 40),
            C("source_type", _("Source type"), "code", 16), C("source", _("Source"), "text", 30),
            C("deadline", _("Deadline"), "date", 11),
            C("obliges_local_work", _("Obliges local work"), "bool", 10),
            C("description", _("Description"), "text", 40), C("url", _("Link"), "text", 30),
        ), "requirements"),
        SheetSpec("criteria", _("Criteria"), rec.CriterionRecord, (
            C("key", _("Key"), "text", 22), C("name", _("Name"), "text", 26),
            C("description", _("Description"), "text", 50),
            C("kind", _("Scale"), "criterion_kind", 18),
            C("parent_key", _("Parent (key)"), "text", 16),
            C("goal_code", _("Strategic goal (code)"), "text", 10),
            C("lower_is_better", _("Lower is better"), "bool", 9),
            C("anchor_low", _("Anchor low"), "float", 12),
            C("anchor_high", _("Anchor high"), "float", 12),
            C("unit_label", _("Unit"), "text", 9), C("sort_order", _("Order"), "int", 7),
            C("active", _("Active"), "bool", 7),
        ), "criteria"),
        SheetSpec("levels", _("Scoring guide"), rec.LevelRecord, (
            C("criterion_key", _("Criterion (key)"), "text", 22), C("level", _("Level"), "int", 7),
            C("label", _("Label"), "text", 12), C("guide", _("Scoring guide"), "text", 70),
        ), "levels"),
        SheetSpec("weights", _("Weights"), rec.WeightRecord, (
            C("set_name", _("Weight set"), "text", 20), C("budget_year", _("Budget year"), "int", 9),
            C("status", _("Status"), "weight_status", 12),
            C("adopted_on", _("Adopted on"), "date", 11),
            C("adopted_by", _("Adopted by"), "text", 18),
            C("criterion_key", _("Criterion (key)"), "text", 22),
            C("percent", _("Weight (%)"), "percent", 10),
        ), "weights"),
        SheetSpec("scenarios", _("Scenarios"), rec.ScenarioRecord, (
            C("name", _("Name"), "text", 22), C("description", _("Description"), "text", 40),
            C("objective", _("Objective"), "objective", 16),
            C("is_what_if", _("What-if"), "bool", 8), C("is_default", _("Default"), "bool", 8),
            C("weight_set_name", _("Weight set"), "text", 20),
            C("weight_set_year", _("Weight set budget year"), "int", 9),
            C("capacity_fte", _("Capacity (full-time equivalents)"), "float", 10),
        ), "scenarios"),
        SheetSpec("frames", _("Budget frames"), rec.FrameRecord, (
            C("scenario", _("Scenario"), "text", 22), C("budget_year", _("Budget year"), "int", 9),
            C("frame_type", _("Frame"), "frame_type", 10),
            C("unit_code", _("Unit (code)"), "text", 10),
            C("amount", _("Amount (kr.)"), "amount", 15),
        ), "frames"),
        SheetSpec("forces", _("Forced choices"), rec.ForceRecord, (
            C("scenario", _("Scenario"), "text", 22),
            C("initiative_id", _("Initiative id"), "text", 14), C("mode", _("In/out"), "code", 8),
        ), "forces"),
        SheetSpec("notes", _("Field notes"), rec.NoteRecord, (
            C("initiative_id", _("Initiative id"), "text", 14), C("field", _("Field"), "text", 18),
            C("text", _("Text"), "text", 60),
        ), "notes"),
        SheetSpec("decisions", _("Decisions"), rec.DecisionRecord, (
            C("initiative_id", _("Initiative id"), "text", 14), C("outcome", _("Outcome"), "code", 16),
            C("forum", _("Forum"), "code", 16), C("decided_on", _("Date"), "date", 11),
            C("reason", _("Reason"), "text", 40), C("conditions", _("Conditions"), "text", 30),
            C("scenario", _("Scenario"), "text", 18),
            C("departs_from_recommendation", _("Departs from the recommendation"), "bool", 10),
            C("recorded_by", _("Recorded by"), "text", 14),
        ), "decisions"),
    ]
