"""Translated labels of the codes of DESIGN §3 (phase, kind, audience, …) for the UI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def phases() -> dict[str, str]:
    return {"idea": _t("Idea"), "proposal": _t("Project proposal"), "approved": _t("Approved"),
            "procurement": _t("Procurement"), "implementation": _t("Implementation"),
            "operation": _t("In operation"), "closed": _t("Closed"), "rejected": _t("Rejected"),
            "on_hold": _t("On hold")}


def kinds() -> dict[str, str]:
    return {"development": _t("Development"), "operation": _t("Operation")}


def audiences() -> dict[str, str]:
    return {"internal": _t("Internal"), "citizen": _t("Citizen-facing")}


def maturity_levels() -> dict[str, str]:
    return {"web_presence": _t("Web presence"), "interaction": _t("Digital interaction"),
            "transaction": _t("Digital transaction"), "transformation": _t("Transformation"),
            "e_democracy": _t("E-democracy")}


def line_types() -> dict[str, str]:
    return {"anlaeg": _t("Capital (anlæg)"), "drift": _t("Operating (drift)")}


def flows() -> dict[str, str]:
    return {"cost": _t("Cost"), "benefit": _t("Benefit")}


def categories() -> dict[str, str]:
    return {"anskaffelse": _t("Procurement"), "implementering": _t("Implementation"),
            "uddannelse": _t("Training"), "interne_ressourcer": _t("Internal time"),
            "licens_drift": _t("Licence and operation"), "konsulenter": _t("Consultants"),
            "andet": _t("Other")}


def benefit_kinds() -> dict[str, str]:
    return {"budgetrealiserbar": _t("Cash-releasing"),
            "ikke_budgetrealiserbar": _t("Non-cash (freed time)"),
            "kvalitativ": _t("Qualitative")}


def beneficiaries() -> dict[str, str]:
    return {"borgere": _t("Citizens"), "medarbejdere": _t("Employees"),
            "virksomheder": _t("Businesses"), "kommunen": _t("The municipality")}


def outcomes() -> dict[str, str]:
    return {"approved": _t("Approved"), "approved_with_conditions": _t("Approved with conditions"),
            "rejected": _t("Rejected"), "postponed": _t("Postponed"),
            "referred": _t("Referred")}


def forums() -> dict[str, str]:
    return {"steering_group": _t("Steering group"), "directorate": _t("Directorate"),
            "finance_committee": _t("Finance Committee"), "city_council": _t("City Council")}


def assessors() -> dict[str, str]:
    return {"proposer": _t("Proposer"), "unit": _t("Digitalisation unit"), "agreed": _t("Agreed")}


def yes_no(value: bool) -> str:
    return _t("Yes") if value else _t("No")
