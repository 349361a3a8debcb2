"""The stored content of a portfolio as plain records: what an XLSX export holds and what
its re-import restores (DESIGN §10). No ORM objects; units, goals, requirements and
criteria are referred to by their stable codes/keys, initiatives by their string ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class SettingsRecord:
    name: str
    municipality: str
    description: str
    currency: str
    price_base_year: int
    budget_year: int
    discount_rate: float
    horizon_years: int
    full_business_case_threshold: float


@dataclass
class UnitRecord:
    code: str
    name: str
    kind: str
    parent_code: str | None
    sort_order: int


@dataclass
class GoalRecord:
    code: str
    title: str
    description: str
    sort_order: int


@dataclass
class RequirementRecord:
    code: str
    title: str
    source_type: str
    source: str
    deadline: date | None
    obliges_local_work: bool
    description: str
    url: str


@dataclass
class CriterionRecord:
    key: str
    name: str
    description: str
    kind: str
    parent_key: str | None
    goal_code: str | None
    lower_is_better: bool
    anchor_low: float | None
    anchor_high: float | None
    unit_label: str
    sort_order: int
    active: bool


@dataclass
class LevelRecord:
    criterion_key: str
    level: int
    label: str
    guide: str


@dataclass
class WeightRecord:
    """One weight; the weight set is named by ``set_name`` and ``budget_year``."""

    set_name: str
    budget_year: int
    status: str
    adopted_on: date | None
    adopted_by: str
    criterion_key: str
    percent: float


@dataclass
class InitiativeRecord:
    id: str
    title: str
    description: str
    lead_unit_code: str | None
    unit_codes: list[str]
    phase: str
    kind: str
    audience: str
    maturity_level: str | None
    project_owner: str
    project_manager: str
    benefit_owner: str
    system_owner: str
    start_date: date | None
    end_date: date | None
    baseline_end_date: date | None
    mandatory: bool
    outside_frame: bool
    confidential: bool
    financing: str
    note: str
    discount_rate: float | None
    horizon_years: int | None
    price_base_year: int | None
    full_business_case: bool | None
    goal_codes: list[str] = field(default_factory=list)
    requirement_codes: list[str] = field(default_factory=list)


@dataclass
class LineRecord:
    """A business-case line; amounts in kr., cost ≥ 0."""

    initiative_id: str
    flow: str
    budget_year: int | None
    line_type: str
    derived_operating: bool
    category: str
    financing: str
    amount: float
    amount_low: float | None
    amount_high: float | None
    cash: bool
    fte: float | None
    benefit_kind: str | None
    beneficiary: str | None
    giving_unit_code: str | None
    note: str


@dataclass
class AssessmentRecord:
    initiative_id: str
    criterion_key: str
    assessor: str
    value: float
    comment: str
    assessed_by: str


@dataclass
class DependencyRecord:
    initiative_id: str
    requires_id: str
    note: str


@dataclass
class NoteRecord:
    initiative_id: str
    field: str
    text: str


@dataclass
class ScenarioRecord:
    name: str
    description: str
    objective: str
    is_what_if: bool
    is_default: bool
    weight_set_name: str | None
    weight_set_year: int | None
    capacity_fte: float | None


@dataclass
class FrameRecord:
    scenario: str
    budget_year: int | None
    frame_type: str
    unit_code: str | None
    amount: float


@dataclass
class ForceRecord:
    scenario: str
    initiative_id: str
    mode: str


@dataclass
class DecisionRecord:
    initiative_id: str
    outcome: str
    forum: str
    decided_on: date
    reason: str
    conditions: str
    scenario: str | None
    departs_from_recommendation: bool
    recorded_by: str


@dataclass
class AuditRecord:
    """An audit-log entry (exported for aktindsigt; never re-imported)."""

    at: datetime
    user: str
    action: str
    entity: str
    entity_id: str
    initiative_id: str | None
    field: str
    old_value: str | None
    new_value: str | None
    context: str


@dataclass
class PortfolioDump:
    """Everything an XLSX export restores (and the audit log, which it only shows)."""

    settings: SettingsRecord
    units: list[UnitRecord] = field(default_factory=list)
    goals: list[GoalRecord] = field(default_factory=list)
    requirements: list[RequirementRecord] = field(default_factory=list)
    criteria: list[CriterionRecord] = field(default_factory=list)
    levels: list[LevelRecord] = field(default_factory=list)
    weights: list[WeightRecord] = field(default_factory=list)
    initiatives: list[InitiativeRecord] = field(default_factory=list)
    lines: list[LineRecord] = field(default_factory=list)
    assessments: list[AssessmentRecord] = field(default_factory=list)
    dependencies: list[DependencyRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)
    scenarios: list[ScenarioRecord] = field(default_factory=list)
    frames: list[FrameRecord] = field(default_factory=list)
    forces: list[ForceRecord] = field(default_factory=list)
    decisions: list[DecisionRecord] = field(default_factory=list)
    audit: list[AuditRecord] = field(default_factory=list)
    #: True for a CSV export: it holds only the initiatives' main fields and totals (no
    #: assessments, goals, requirements, yearly lines, unit codes), so ``restore`` writes
    #: it only into a portfolio that holds no initiatives (DESIGN §10).
    partial: bool = False
