"""A small filled portfolio for UI tests: three forvaltninger, initiatives with lines,
assessments, a dependency, a requirement and a goal (æøå in names)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models import (
    Assessment,
    BusinessCaseLine,
    Criterion,
    Dependency,
    ExternalRequirement,
    Initiative,
    OrgUnit,
    StrategicGoal,
)
from app.services.store import Portfolio, create_portfolio


def fill(pf: Portfolio) -> None:
    """Add units, goals, a requirement and four initiatives to an empty portfolio."""
    with pf.session(context="test data") as s:
        buf = OrgUnit(code="BUF", name="Børne- og Ungeforvaltningen")
        sof = OrgUnit(code="SOF", name="Socialforvaltningen")
        tmf = OrgUnit(code="TMF", name="Teknik- og Miljøforvaltningen")
        s.add_all([buf, sof, tmf])
        s.flush()
        dag = OrgUnit(code="DAG", name="Dagtilbud", parent_id=buf.id, kind="afdeling")
        s.add(dag)
        s.add(StrategicGoal(code="M1", title="Borgeren først"))
        s.add(ExternalRequirement(code="K1", title="Lov om digital post", source_type="law",
                                  obliges_local_work=True, deadline=date(2027, 6, 30)))
        s.flush()
        rows = [
            ("EK-001", "Selvbetjening på byggesager", tmf.id, "proposal", "citizen", 2_000_000),
            ("EK-002", "Ærø-løsning til pladsanvisning", dag.id, "idea", "internal", 500_000),
            ("EK-003", "Digital post til alle", sof.id, "approved", "citizen", 1_250_000),
            ("EK-004", "Robotter i økonomi", buf.id, "on_hold", "internal", None),
        ]
        for iid, title, unit, phase, audience, cost in rows:
            ini = Initiative(id=iid, title=title, lead_unit_id=unit, phase=phase,
                             audience=audience, description=f"Beskrivelse af {title}")
            s.add(ini)
            s.flush()
            if cost is not None:
                s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=2027,
                                       line_type="anlaeg", category="anskaffelse", amount=cost))
                s.add(BusinessCaseLine(initiative_id=iid, flow="benefit", budget_year=2028,
                                       line_type="drift", amount=cost * 0.6,
                                       benefit_kind="budgetrealiserbar"))
        s.get(Initiative, "EK-001").units = [sof]
        s.add(Dependency(initiative_id="EK-001", requires_id="EK-003"))
        crits = s.scalars(select(Criterion).order_by(Criterion.sort_order)).all()
        for c in crits:  # EK-003 fully agreed; EK-001 partly, proposer inflated
            value = 1_000_000.0 if c.kind == "numeric" else 3.0
            s.add(Assessment(initiative_id="EK-003", criterion_id=c.id, assessor="agreed",
                             value=value))
        s.add(Assessment(initiative_id="EK-001", criterion_id=crits[0].id, assessor="proposer",
                         value=4.0, comment="Vi er meget strategiske"))
        s.add(Assessment(initiative_id="EK-001", criterion_id=crits[0].id, assessor="agreed",
                         value=2.0))


def make_sample(path: Path) -> Path:
    """Create a filled portfolio at ``path`` and close it."""
    pf = create_portfolio(path, municipality="Testkommune", budget_year=2027)
    try:
        fill(pf)
    finally:
        pf.close()
    return path
