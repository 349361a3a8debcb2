"""A municipal-size portfolio for the chart and presentation tests: five forvaltninger
(one with an afdeling), 30 initiatives with dates, costs, NNV-bearing benefit lines,
agreed scores, maturity tags, dependencies (a diamond, cross-departmental edges and a
roadmap conflict), a success criterion with measurements and a budget frame."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from app.models import (
    Assessment, BudgetFrame, BusinessCaseLine, Criterion, Dependency, Initiative, Measurement,
    OrgUnit, Scenario, SuccessCriterion,
)
from app.services.store import create_portfolio

UNITS = [
    ("BUF", "Børne- og Ungeforvaltningen"),
    ("SUF", "Social- og Sundhedsforvaltningen"),
    ("TMF", "Teknik- og Miljøforvaltningen"),
    ("KUF", "Kultur- og Fritidsforvaltningen"),
    ("ØKF", "Økonomi- og Personaleforvaltningen"),
]
TITLES = [
    "Digital pladsanvisning", "Selvbetjening på byggesager", "Robotter i lønbogholderiet",
    "Fælles medarbejderportal", "Velfærdsteknologi i hjemmeplejen", "Ny journalløsning",
    "Digital post til alle", "Sensorer i kommunale bygninger", "Chatbot i Borgerservice",
    "Booking af lokaler", "Skoleintra afløser", "Mobil hjemmepleje", "Data om trafik",
    "Åbne data-portal", "Digitale lønsedler", "Automatisk fakturabehandling",
    "Grønt regnskab", "Bibliotekets app", "Fritidspas online", "Kørselsordning digitalt",
    "Tilsyn med dagtilbud", "Ældreplejens vagtplan", "GIS til vejvedligehold",
    "Single sign-on", "Arkivering efter arkivloven", "Informationssikkerhed (ISO 27001)",
    "Borgerdialog på nettet", "E-læring for ansatte", "Overblik over økonomien",
    "Klimatilpasning med data",
]
MATURITY = ["web_presence", "interaction", "transaction", "transformation", "e_democracy", None]


def make_chart_portfolio(path: Path, n: int = 30, seed: int = 7) -> Path:
    """Create the portfolio at ``path`` (closed again) and return ``path``."""
    rnd = random.Random(seed)
    pf = create_portfolio(path, municipality="Æblerød Kommune", budget_year=2027)
    try:
        with pf.session(context="chart test data") as s:
            units = []
            for i, (code, name) in enumerate(UNITS):
                u = OrgUnit(code=code, name=name, sort_order=i)
                s.add(u)
                units.append(u)
            s.flush()
            dag = OrgUnit(code="DAG", name="Dagtilbud", parent_id=units[0].id, kind="afdeling")
            s.add(dag)
            s.flush()
            crits = s.scalars(select(Criterion).where(Criterion.kind != "group")
                              .order_by(Criterion.sort_order)).all()
            deps = [(2, 1), (3, 1), (4, 2), (4, 3), (7, 5), (8, 7), (12, 8), (15, 4), (16, 15),
                    (20, 11), (21, 20), (22, 7), (25, 24), (26, 25), (28, 26), (10, 6)]
            ends: dict[int, date] = {}
            for k in range(n):
                iid = f"EK-{k + 1:03d}"
                unit = dag if k == 0 else units[k % len(units)]
                needs = [ends[b] for a, b in deps if a == k + 1 and b in ends]
                start = (max(needs) + timedelta(days=rnd.randrange(1, 60)) if needs
                         else date(2027, 1, 1) + timedelta(days=rnd.randrange(0, 700)))
                if k + 1 == 16:  # one roadmap conflict: starts before EK-015 ends
                    start = ends[15] - timedelta(days=45)
                end = start + timedelta(days=rnd.randrange(90, 400))
                ends[k + 1] = end
                s.add(Initiative(
                    id=iid, title=TITLES[k % len(TITLES)], lead_unit_id=unit.id,
                    phase=["proposal", "idea", "approved", "on_hold"][k % 4],
                    kind="operation" if k % 5 == 0 else "development",
                    audience="citizen" if k % 3 == 0 else "internal",
                    maturity_level=MATURITY[k % len(MATURITY)],
                    start_date=None if k == n - 1 else start, end_date=None if k == n - 1 else end,
                    mandatory=k == 6,
                ))
                s.flush()
                cost = rnd.choice([0.3, 0.6, 1.2, 2.5, 4.0, 8.0]) * 1e6
                for y in range(2):
                    s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=2027 + y,
                                           line_type="anlaeg" if y == 0 else "drift",
                                           category="anskaffelse", amount=cost / 2))
                for y in range(2, 6):
                    s.add(BusinessCaseLine(initiative_id=iid, flow="benefit", budget_year=2027 + y,
                                           line_type="drift", amount=cost * rnd.uniform(0.05, 0.5),
                                           benefit_kind="budgetrealiserbar"))
                for c in crits:
                    value = rnd.uniform(0, 3e6) if c.kind == "numeric" else float(rnd.randint(0, 4))
                    s.add(Assessment(initiative_id=iid, criterion_id=c.id, assessor="agreed",
                                     value=value))
            for a, b in deps:
                if a <= n and b <= n:
                    s.add(Dependency(initiative_id=f"EK-{a:03d}", requires_id=f"EK-{b:03d}"))
            crit = SuccessCriterion(
                initiative_id="EK-002", name="Andel byggesager søgt digitalt", unit_label="%",
                baseline=42.0, baseline_date=date(2027, 1, 1), target_pessimistic=65.0,
                target_likely=75.0, target_optimistic=85.0, target_date=date(2028, 6, 30),
                owner="Byggechef Søren Ærø")
            crit.measurements = [Measurement(measured_on=date(2027, 4, 1), value=47.0),
                                 Measurement(measured_on=date(2027, 8, 1), value=55.5),
                                 Measurement(measured_on=date(2027, 12, 1), value=61.0)]
            s.add(crit)
            sc = s.scalars(select(Scenario).where(Scenario.is_default.is_(True))).first()
            if sc is not None:
                sc.frames = [BudgetFrame(amount=40_000_000.0)]
    finally:
        pf.close()
    return path
