"""Translated labels of the codes of DESIGN §3 (phase, kind, audience, …) for the UI."""

from __future__ import annotations

from app.ui.tr import tr


def phases() -> dict[str, str]:
    return {"idea": tr("Idea", "phase"), "proposal": tr("Project proposal", "phase"), "approved": tr("Approved", "phase"),
            "procurement": tr("Procurement", "phase"), "implementation": tr("Implementation", "phase"),
            "operation": tr("In operation", "phase"), "closed": tr("Closed", "phase"), "rejected": tr("Rejected", "phase"),
            "on_hold": tr("On hold", "phase")}


def kinds() -> dict[str, str]:
    return {"development": tr("Development"), "operation": tr("Operation")}


def audiences() -> dict[str, str]:
    return {"internal": tr("Internal"), "citizen": tr("Citizen-facing")}


def maturity_levels() -> dict[str, str]:
    return {"web_presence": tr("Web presence"), "interaction": tr("Digital interaction"),
            "transaction": tr("Digital transaction"), "transformation": tr("Transformation"),
            "e_democracy": tr("E-democracy")}


def line_types() -> dict[str, str]:
    return {"anlaeg": tr("Capital (anlæg)"), "drift": tr("Operating (drift)")}


def flows() -> dict[str, str]:
    return {"cost": tr("Cost"), "benefit": tr("Benefit")}


def categories() -> dict[str, str]:
    return {"anskaffelse": tr("Procurement"), "implementering": tr("Implementation"),
            "uddannelse": tr("Training"), "interne_ressourcer": tr("Internal time"),
            "licens_drift": tr("Licence and operation"), "konsulenter": tr("Consultants"),
            "andet": tr("Other")}


def benefit_kinds() -> dict[str, str]:
    return {"budgetrealiserbar": tr("Cash-releasing"),
            "ikke_budgetrealiserbar": tr("Non-cash (freed time)"),
            "kvalitativ": tr("Qualitative")}


def beneficiaries() -> dict[str, str]:
    return {"borgere": tr("Citizens"), "medarbejdere": tr("Employees"),
            "virksomheder": tr("Businesses"), "kommunen": tr("The municipality")}


def outcomes() -> dict[str, str]:
    return {"approved": tr("Approved"), "approved_with_conditions": tr("Approved with conditions"),
            "rejected": tr("Rejected"), "postponed": tr("Postponed"),
            "referred": tr("Referred")}


def forums() -> dict[str, str]:
    return {"steering_group": tr("Steering group"), "directorate": tr("Directorate"),
            "finance_committee": tr("Finance Committee"), "city_council": tr("City Council")}


def assessors() -> dict[str, str]:
    return {"proposer": tr("Proposer"), "unit": tr("Digitalisation unit"), "agreed": tr("Agreed")}


def yes_no(value: bool) -> str:
    return tr("Yes") if value else tr("No")
