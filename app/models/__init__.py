"""The domain model of a portfolio (DESIGN §3). SQLAlchemy 2, no Qt."""

from app.models.audit import AuditEntry
from app.models.base import Base, utcnow
from app.models.economy import BusinessCaseLine
from app.models.followup import Measurement, SuccessCriterion
from app.models.initiative import (
    Assessment,
    Dependency,
    FieldNote,
    Initiative,
    initiative_goal,
    initiative_requirement,
    initiative_unit,
)
from app.models.organisation import OrgUnit
from app.models.portfolio import PortfolioSettings
from app.models.scenario import (
    BudgetFrame,
    Decision,
    ExclusionGroup,
    ExclusionMember,
    Scenario,
    ScenarioForce,
)
from app.models.strategy import (
    Criterion,
    CriterionLevel,
    ExternalRequirement,
    PairwiseJudgement,
    StrategicGoal,
    Weight,
    WeightSet,
)

__all__ = [
    "Assessment", "AuditEntry", "Base", "BudgetFrame", "BusinessCaseLine", "Criterion",
    "CriterionLevel", "Decision", "Dependency", "ExclusionGroup", "ExclusionMember",
    "ExternalRequirement", "FieldNote", "Initiative", "Measurement", "OrgUnit",
    "PairwiseJudgement", "PortfolioSettings", "Scenario", "ScenarioForce", "StrategicGoal",
    "SuccessCriterion", "Weight", "WeightSet", "initiative_goal", "initiative_requirement",
    "initiative_unit", "utcnow",
]
