"""The codes of DESIGN §3. Stored as strings; the Danish labels live in the UI and outputs."""

from __future__ import annotations

from app.models.base import StrEnum


class UnitKind(StrEnum):
    """Kind of organisational unit (organisatorisk enhed)."""

    FORVALTNING = "forvaltning"  # also område / direktørområde
    AFDELING = "afdeling"
    INSTITUTION = "institution"
    STAB = "stab"  # staff unit, e.g. Digitalisering, Økonomi
    BORGERSERVICE = "borgerservice"


class Phase(StrEnum):
    """Phase (fase) of an initiative, DESIGN §3."""

    IDEA = "idea"
    PROPOSAL = "proposal"
    APPROVED = "approved"
    PROCUREMENT = "procurement"
    IMPLEMENTATION = "implementation"
    OPERATION = "operation"
    CLOSED = "closed"
    REJECTED = "rejected"
    ON_HOLD = "on_hold"


#: Phases whose initiatives are candidates in a selection (DESIGN §6 ``select``).
CANDIDATE_PHASES = frozenset({Phase.IDEA, Phase.PROPOSAL, Phase.ON_HOLD})
#: Phases whose initiatives are committed: always in, and they use the frames.
COMMITTED_PHASES = frozenset(
    {Phase.APPROVED, Phase.PROCUREMENT, Phase.IMPLEMENTATION, Phase.OPERATION}
)
#: Phases that never take part in a selection.
EXCLUDED_PHASES = frozenset({Phase.CLOSED, Phase.REJECTED})


class InitiativeKind(StrEnum):
    DEVELOPMENT = "development"  # udvikling
    OPERATION = "operation"  # drift


class Audience(StrEnum):
    INTERNAL = "internal"  # intern
    CITIZEN = "citizen"  # borgerrettet


class MaturityLevel(StrEnum):
    """Siau & Long (2005) e-government stages, an optional tag."""

    WEB_PRESENCE = "web_presence"
    INTERACTION = "interaction"
    TRANSACTION = "transaction"
    TRANSFORMATION = "transformation"
    E_DEMOCRACY = "e_democracy"


class RequirementSource(StrEnum):
    """Source type of an external requirement (eksternt krav)."""

    LAW = "law"  # lov / bekendtgørelse
    JOINT_PUBLIC = "joint_public"  # fællesoffentlig strategi
    JOINT_MUNICIPAL = "joint_municipal"  # fælleskommunal / KOMBIT
    EU = "eu"
    ECONOMY_AGREEMENT = "economy_agreement"  # økonomiaftale


class CriterionKind(StrEnum):
    ORDINAL = "ordinal"  # five levels 0..4 with a scoring guide
    NUMERIC = "numeric"  # mapped to 0..1 between two anchors, capped
    GROUP = "group"  # a node of the criteria tree with sub-criteria


class Assessor(StrEnum):
    """Who gave a score (DESIGN §7: the agreed score ranks)."""

    PROPOSER = "proposer"
    UNIT = "unit"  # the digitalisation unit
    AGREED = "agreed"


class WeightStatus(StrEnum):
    DRAFT = "draft"
    ADOPTED = "adopted"
    WHAT_IF = "what_if"


class Flow(StrEnum):
    COST = "cost"
    BENEFIT = "benefit"


class LineType(StrEnum):
    CAPITAL = "anlaeg"
    OPERATING = "drift"


class CostCategory(StrEnum):
    PROCUREMENT = "anskaffelse"
    IMPLEMENTATION = "implementering"
    TRAINING = "uddannelse"
    INTERNAL = "interne_ressourcer"  # internal working time / tabt arbejdstid: not cash
    LICENCE = "licens_drift"
    CONSULTANCY = "konsulenter"
    OTHER = "andet"


class BenefitKind(StrEnum):
    CASH = "budgetrealiserbar"
    NON_CASH = "ikke_budgetrealiserbar"  # freed time
    QUALITATIVE = "kvalitativ"


class Beneficiary(StrEnum):
    CITIZENS = "borgere"
    EMPLOYEES = "medarbejdere"
    BUSINESSES = "virksomheder"
    MUNICIPALITY = "kommunen"


class Objective(StrEnum):
    SCORE = "score"
    NPV = "npv"


class FrameType(StrEnum):
    TOTAL = "total"
    CAPITAL = "anlaeg"
    OPERATING = "drift"


class ForceMode(StrEnum):
    IN = "in"
    OUT = "out"


class DecisionOutcome(StrEnum):
    APPROVED = "approved"  # godkendt
    APPROVED_WITH_CONDITIONS = "approved_with_conditions"  # godkendt med betingelser
    REJECTED = "rejected"  # afvist
    POSTPONED = "postponed"  # udsat
    REFERRED = "referred"  # oversendt (to Direktion / ØU)


class Forum(StrEnum):
    STEERING_GROUP = "steering_group"  # digitaliseringsstyregruppe
    DIRECTORATE = "directorate"  # Direktion
    FINANCE_COMMITTEE = "finance_committee"  # Økonomiudvalg
    CITY_COUNCIL = "city_council"  # Kommunalbestyrelse / Byråd


class StatusLight(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
