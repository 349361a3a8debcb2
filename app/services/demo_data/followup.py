"""Decisions and success criteria of the demo (illustrative)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models.enums import DecisionOutcome, Forum

D = date


@dataclass(frozen=True)
class DecisionSpec:
    initiative: str
    outcome: str
    forum: str
    decided_on: date
    reason: str
    conditions: str = ""


DECISIONS: tuple[DecisionSpec, ...] = (
    DecisionSpec("EK-001", DecisionOutcome.APPROVED.value, Forum.STEERING_GROUP.value, D(2026, 9, 10),
                 "Forudsætning for flere selvbetjeningsløsninger og for den fælles it-arkitektur."),
    DecisionSpec("EK-006", DecisionOutcome.APPROVED.value, Forum.FINANCE_COMMITTEE.value, D(2026, 9, 22),
                 "Finansieret af investeringspuljen; forudsætning for velfærdsteknologi."),
    DecisionSpec("EK-018", DecisionOutcome.APPROVED.value, Forum.STEERING_GROUP.value, D(2026, 9, 10),
                 "Krav efter NIS2."),
    DecisionSpec("EK-013", DecisionOutcome.APPROVED_WITH_CONDITIONS.value,
                 Forum.STEERING_GROUP.value, D(2026, 9, 10),
                 "Fællesoffentligt krav.", "Gennemføres inden for DUT-kompensationen."),
    DecisionSpec("EK-036", DecisionOutcome.REJECTED.value, Forum.STEERING_GROUP.value, D(2026, 9, 10),
                 "Behovet dækkes af den nationale løsning."),
    DecisionSpec("EK-033", DecisionOutcome.POSTPONED.value, Forum.STEERING_GROUP.value, D(2026, 9, 10),
                 "Afventer den nye planstrategi."),
    DecisionSpec("EK-010", DecisionOutcome.REFERRED.value, Forum.DIRECTORATE.value, D(2026, 10, 5),
                 "Tværgående initiativ over styregruppens mandat; oversendt til Direktionen."),
)


@dataclass(frozen=True)
class SuccessSpec:
    initiative: str
    name: str
    unit_label: str
    baseline: float
    baseline_date: date
    targets: tuple[float, float, float]  # pessimistic, likely, optimistic
    target_date: date
    owner: str
    measurements: tuple[tuple[date, float], ...]


SUCCESS_CRITERIA: tuple[SuccessSpec, ...] = (
    SuccessSpec("EK-025", "Besøg uden for bemandet åbningstid pr. måned", "besøg",
                1800, D(2025, 8, 31), (3000, 3500, 4000), D(2026, 12, 31), "Bibliotekschef",
                ((D(2026, 1, 31), 2600), (D(2026, 4, 30), 3100), (D(2026, 8, 31), 3400))),
    SuccessSpec("EK-005", "Tid brugt på nøglehåndtering pr. uge", "timer",
                120, D(2026, 2, 28), (60, 40, 30), D(2027, 6, 30), "Chef for Ældre og Pleje",
                ((D(2026, 9, 30), 95), (D(2026, 11, 30), 70))),
    SuccessSpec("EK-027", "Fakturaer behandlet uden manuel kontering", "%",
                15, D(2026, 7, 31), (60, 70, 80), D(2027, 12, 31), "Økonomichef",
                ((D(2026, 11, 30), 48),)),
)
