"""A seeded generator of realistic portfolios for the benchmarks (issue 9).

``generate_portfolio(path, n, seed)`` writes a portfolio through the normal store
(``create_portfolio`` + one audited ``session``), using the ORM's bulk INSERT through the
same models and session so that 10,000 initiatives take seconds, not minutes. The shape:

- 8–25 organisational units: forvaltninger with afdelinger, plus Borgerservice and a stab;
- ``n`` initiatives, phases mostly candidates (idé, projektforslag, sat i bero), some
  committed, a few rejected or closed; a few mandatory (marked, or linked to an external
  requirement that obliges local work), a few financed outside the frame;
- about ``deps_per_initiative`` acyclic dependencies per initiative: after a random
  permutation, edges only run from a higher to a lower position; nobody requires a
  rejected or closed initiative, and committed initiatives only require committed ones,
  so every selection with the generated frames is feasible;
- budget-form business cases over 4–10 years (anlæg in the first years, drift and afledt
  drift after go-live, financing sources, some internal årsværk lines that are not cash,
  some budgetrealiserbare / ikke-budgetrealiserbare / kvalitative benefits);
- 12 criteria: the 7 defaults of ``app/services/defaults.py`` plus 5 added here, with
  adopted weights summing to 100 %, and agreed assessments (plus proposer and unit scores
  for part of the portfolio; about 3 % of initiatives lack one agreed score);
- a scenario "Benchmark" with five yearly budget frames (budget year + 4) sized to hold
  what is forced in plus about 35 % of the remaining candidate cost of each year.

``cached_portfolio(n, seed)`` keeps generated files in a cache folder keyed by size, seed,
dependency density and a fingerprint of the models, migrations and this generator.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from app.models import (
    Assessment,
    BudgetFrame,
    BusinessCaseLine,
    Criterion,
    CriterionLevel,
    Dependency,
    ExternalRequirement,
    Initiative,
    OrgUnit,
    Scenario,
    StrategicGoal,
    Weight,
    WeightSet,
    initiative_goal,
    initiative_requirement,
    initiative_unit,
)
from app.models.enums import (
    Assessor,
    Audience,
    Beneficiary,
    BenefitKind,
    CostCategory,
    CriterionKind,
    Flow,
    FrameType,
    InitiativeKind,
    LineType,
    MaturityLevel,
    Objective,
    Phase,
    RequirementSource,
    UnitKind,
    WeightStatus,
)
from app.services import audit
from app.services.defaults import LEVEL_LABELS
from app.services.store import create_portfolio

ROOT = Path(__file__).resolve().parents[2]
BUDGET_YEAR = 2027
FRAME_YEARS = tuple(range(BUDGET_YEAR, BUDGET_YEAR + 5))
BENCH_SCENARIO = "Benchmark"

#: (key, name, kind, lower_is_better, anchors, unit label) of the 5 criteria added to the
#: 7 defaults; 12 in all.
EXTRA_CRITERIA: tuple[tuple[str, str, str, bool, tuple[float, float] | None, str], ...] = (
    ("cross_departmental", "Tværgående effekt", CriterionKind.ORDINAL.value, False, None, ""),
    ("information_security", "Informationssikkerhed og GDPR", CriterionKind.ORDINAL.value,
     False, None, ""),
    ("green_transition", "Grøn omstilling", CriterionKind.ORDINAL.value, False, None, ""),
    ("data_reuse", "Data og genbrug", CriterionKind.ORDINAL.value, False, None, ""),
    ("freed_time", "Frigjort tid", CriterionKind.NUMERIC.value, False, (0.0, 10.0), "årsværk/år"),
)
#: adopted weights in percent, by criterion key; they sum to 100
WEIGHTS: dict[str, float] = {
    "strategic_fit": 15, "external_requirements": 10, "citizen_value": 12,
    "employee_value": 8, "economic_benefit": 10, "risk": 7, "readiness": 6,
    "cross_departmental": 9, "information_security": 7, "green_transition": 5,
    "data_reuse": 6, "freed_time": 5,
}

FORVALTNINGER = (
    ("BUF", "Børne- og Ungeforvaltningen", ("Dagtilbud", "Skoler", "PPR", "Familie")),
    ("SSF", "Social- og Sundhedsforvaltningen", ("Ældre og Pleje", "Handicap", "Sundhed",
                                                 "Psykiatri")),
    ("TMF", "Teknik- og Miljøforvaltningen", ("Byggeri", "Vej og Park", "Natur og Miljø",
                                              "Plan")),
    ("BEF", "Beskæftigelsesforvaltningen", ("Jobcenter", "Ydelser", "Integration")),
    ("KFF", "Kultur- og Fritidsforvaltningen", ("Biblioteker", "Idræt", "Kulturhuse")),
    ("OKF", "Økonomi- og Koncernforvaltningen", ("Økonomi", "HR", "IT og Digitalisering",
                                                  "Indkøb")),
)
FINANCING = ("Digitaliseringspuljen", "Forvaltningens ramme", "Investeringspuljen", "DUT",
             "Ekstern pulje")
TOPICS = ("Digital selvbetjening", "Robotic Process Automation", "Ny fagsystemløsning",
          "Dataplatform", "Sensorer og IoT", "Mobil hjemmepleje", "Chatbot",
          "Digital post og kommunikation", "Sagsbehandling med AI", "Booking",
          "Velfærdsteknologi", "Tilgængelighedsløft", "Identitets- og adgangsstyring",
          "Udfasning af legacy-system", "Dashboard og ledelsesinformation",
          "Digitalt byggesagsflow", "Skoleintra-afløser", "GIS og kortdata")
QUALIFIERS = ("til borgerne", "i afdelingen", "på tværs af forvaltninger", "fase 2",
              "— pilot", "& opskalering", "(KOMBIT)", "for medarbejdere", "<projekt>")


def _units(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """8–25 units: more forvaltninger and afdelinger for larger portfolios."""
    target = min(25, max(8, 8 + int(17 * min(1.0, n / 10_000) + rng.randint(0, 2))))
    rows: list[dict[str, Any]] = []
    uid = 0
    forv = list(FORVALTNINGER)
    rng.shuffle(forv)
    order = 0
    # Borgerservice and the digitalisation stab always exist
    for code, name, kind in (("BS", "Borgerservice", UnitKind.BORGERSERVICE.value),
                             ("DIG", "Digitalisering", UnitKind.STAB.value)):
        uid += 1
        rows.append(dict(id=uid, code=code, name=name, kind=kind, parent_id=None,
                         sort_order=order))
        order += 1
    for code, name, afdelinger in forv:
        if len(rows) >= target:
            break
        uid += 1
        parent = uid
        rows.append(dict(id=uid, code=code, name=name, kind=UnitKind.FORVALTNING.value,
                         parent_id=None, sort_order=order))
        order += 1
        for i, afd in enumerate(afdelinger):
            if len(rows) >= target:
                break
            uid += 1
            rows.append(dict(id=uid, code=f"{code}-{i + 1}", name=afd,
                             kind=UnitKind.AFDELING.value, parent_id=parent, sort_order=order))
            order += 1
    return rows


def _phase(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.45:
        return Phase.IDEA.value
    if r < 0.80:
        return Phase.PROPOSAL.value
    if r < 0.85:
        return Phase.ON_HOLD.value
    if r < 0.89:
        return Phase.APPROVED.value
    if r < 0.91:
        return Phase.PROCUREMENT.value
    if r < 0.94:
        return Phase.IMPLEMENTATION.value
    if r < 0.96:
        return Phase.OPERATION.value
    if r < 0.98:
        return Phase.REJECTED.value
    return Phase.CLOSED.value


def _business_case(rng: random.Random, iid: str, start: int, giving: list[int]) -> list[dict]:
    """Budget-form lines in kr.: anlæg first, then drift / afledt drift and benefits."""
    years = rng.randint(4, 10)
    size = rng.lognormvariate(13.8, 0.9)  # median ≈ 1 mio. kr. of anlæg
    build = 1 if size < 1_500_000 or rng.random() < 0.5 else 2
    fin = rng.choice(FINANCING)
    lines: list[dict[str, Any]] = []

    def line(**kw: Any) -> None:
        base = dict(initiative_id=iid, flow=Flow.COST.value, line_type=LineType.OPERATING.value,
                    derived_operating=False, category=CostCategory.OTHER.value, financing=fin,
                    amount_low=None, amount_high=None, cash=True, fte=None, benefit_kind=None,
                    beneficiary=None, giving_unit_id=None, note="")
        base.update(kw)
        lines.append(base)

    for y in range(build):
        for cat, share in ((CostCategory.PROCUREMENT, 0.55), (CostCategory.IMPLEMENTATION, 0.3),
                           (CostCategory.TRAINING, 0.15)):
            if cat is CostCategory.TRAINING and rng.random() < 0.4:
                continue
            amount = round(size * share / build, -3)
            line(budget_year=start + y, line_type=LineType.CAPITAL.value, category=cat.value,
                 amount=amount, amount_low=round(amount * 0.85, -3),
                 amount_high=round(amount * 1.4, -3))
    running = round(size * rng.uniform(0.08, 0.25), -3)
    for y in range(build, years):
        line(budget_year=start + y, category=CostCategory.LICENCE.value, amount=running,
             derived_operating=True, financing="Forvaltningens ramme")
    if rng.random() < 0.45:  # internal working time: årsværk, not cash
        for y in range(build):
            fte = round(rng.uniform(0.2, 2.5), 1)
            line(budget_year=start + y, category=CostCategory.INTERNAL.value,
                 amount=round(fte * 550_000, -3), cash=False, fte=fte)
    if rng.random() < 0.7:
        kind = rng.choices([BenefitKind.CASH, BenefitKind.NON_CASH, BenefitKind.QUALITATIVE],
                           [0.5, 0.35, 0.15])[0]
        yearly = round(size * rng.uniform(0.1, 0.6), -3)
        who = rng.choice(list(Beneficiary)).value
        for y in range(build, years):
            amount = 0.0 if kind is BenefitKind.QUALITATIVE else yearly
            line(budget_year=start + y, flow=Flow.BENEFIT.value, category="gevinst",
                 amount=amount, benefit_kind=kind.value, beneficiary=who,
                 giving_unit_id=rng.choice(giving) if kind is BenefitKind.CASH else None)
    return lines


def _dependencies(rng: random.Random, ids: list[str], phases: dict[str, str],
                  per_initiative: float) -> list[tuple[str, str]]:
    """About ``per_initiative`` acyclic edges per initiative (higher → lower position)."""
    order = ids[:]
    rng.shuffle(order)
    target = int(round(per_initiative * len(ids)))
    excluded = {Phase.REJECTED.value, Phase.CLOSED.value}
    committed = {Phase.APPROVED.value, Phase.PROCUREMENT.value, Phase.IMPLEMENTATION.value,
                 Phase.OPERATION.value}
    edges: set[tuple[str, str]] = set()
    attempts = 0
    while len(edges) < target and attempts < target * 20:
        attempts += 1
        hi = rng.randrange(1, len(order))
        # prerequisites are usually close in the permutation (a chain of related work),
        # sometimes far away (a shared platform)
        lo = max(0, hi - 1 - int(rng.expovariate(1 / 40))) if rng.random() < 0.7 else \
            rng.randrange(0, hi)
        a, b = order[hi], order[lo]  # a requires b
        if phases[b] in excluded or phases[a] in excluded:
            continue
        if phases[a] in committed and phases[b] not in committed:
            continue
        edges.add((a, b))
    return sorted(edges)


def _criteria(session: Any) -> dict[str, Criterion]:
    """Add the 5 extra criteria and return all 12 by key."""
    existing = {c.key: c for c in session.scalars(select(Criterion))}
    order = len(existing)
    for key, name, kind, lower, anchors, label in EXTRA_CRITERIA:
        crit = Criterion(key=key, name=name, kind=kind, lower_is_better=lower,
                         anchor_low=anchors[0] if anchors else None,
                         anchor_high=anchors[1] if anchors else None, unit_label=label,
                         sort_order=order, description=f"{name} (benchmarkkriterium).")
        order += 1
        if kind == CriterionKind.ORDINAL.value:
            crit.levels = [CriterionLevel(level=i, label=LEVEL_LABELS[i],
                                          guide=f"{name}: niveau {i}.") for i in range(5)]
        session.add(crit)
        existing[key] = crit
    session.flush()
    return existing


def _adopt_weights(session: Any, criteria: dict[str, Criterion]) -> None:
    """Set the budget year's weights to ``WEIGHTS`` (100 %) and adopt them."""
    ws = session.scalars(select(WeightSet).where(WeightSet.budget_year == BUDGET_YEAR)).one()
    by_crit = {w.criterion_id: w for w in ws.weights}
    for key, pct in WEIGHTS.items():
        cid = criteria[key].id
        if cid in by_crit:
            by_crit[cid].percent = pct
        else:
            ws.weights.append(Weight(criterion_id=cid, percent=pct))
    ws.status = WeightStatus.ADOPTED.value
    ws.adopted_on = date(BUDGET_YEAR - 1, 10, 8)
    ws.adopted_by = "Økonomiudvalget"
    session.flush()


def _score(rng: random.Random, crit: Criterion, annual_benefit: float) -> float:
    if crit.key == "economic_benefit":
        return round(annual_benefit if annual_benefit > 0 else rng.lognormvariate(12.5, 1.2), -3)
    if crit.key == "freed_time":
        return round(min(12.0, rng.expovariate(1 / 1.5)), 1)
    return float(rng.choices(range(5), [0.12, 0.25, 0.3, 0.22, 0.11])[0])


def generate_portfolio(path: Path, n: int, seed: int = 1,
                       deps_per_initiative: float = 1.5) -> Path:
    """Write a new ``n``-initiative portfolio to ``path`` (must not exist); returns it.

    Deterministic for a given ``(n, seed, deps_per_initiative)``. Raises ``UserError`` (from
    the store) when ``path`` exists.
    """
    rng = random.Random(seed * 1_000_003 + n)
    pf = create_portfolio(path, municipality="Benchmark Kommune", budget_year=BUDGET_YEAR)
    try:
        with pf.session(context=f"benchmark generator n={n} seed={seed}") as s:
            units = _units(rng, n)
            s.execute(insert(OrgUnit.__table__), units)
            unit_ids = [u["id"] for u in units]
            lead_pool = [u["id"] for u in units if u["kind"] != UnitKind.FORVALTNING.value] \
                or unit_ids
            goals = [StrategicGoal(code=f"M{i}", title=t, sort_order=i) for i, t in enumerate(
                ("Digitalt først", "Sammenhængende borgerforløb", "Effektiv drift",
                 "Data som fælles ressource", "Sikker og robust digitalisering"), 1)]
            reqs = [
                ExternalRequirement(code="NIS2", title="NIS2-direktivet",
                                    source_type=RequirementSource.EU.value,
                                    deadline=date(BUDGET_YEAR, 1, 1), obliges_local_work=True),
                ExternalRequirement(code="KOMBIT-SAPA", title="Overgang til KOMBIT-løsning",
                                    source_type=RequirementSource.JOINT_MUNICIPAL.value,
                                    deadline=date(BUDGET_YEAR + 1, 6, 30),
                                    obliges_local_work=True),
                ExternalRequirement(code="FDS", title="Fællesoffentlig digitaliseringsstrategi",
                                    source_type=RequirementSource.JOINT_PUBLIC.value,
                                    obliges_local_work=False),
                ExternalRequirement(code="OEA", title="Økonomiaftalen: effektiviseringskrav",
                                    source_type=RequirementSource.ECONOMY_AGREEMENT.value,
                                    obliges_local_work=False),
            ]
            s.add_all(goals + reqs)
            criteria = _criteria(s)
            _adopt_weights(s, criteria)
            s.flush()
            goal_ids = [g.id for g in goals]

            width = max(3, len(str(n)))
            ids = [f"BM-{i:0{width}d}" for i in range(1, n + 1)]
            phases = {iid: _phase(rng) for iid in ids}
            candidates = [i for i in ids if phases[i] in {Phase.IDEA.value, Phase.PROPOSAL.value,
                                                          Phase.ON_HOLD.value}]
            n_mand = max(2, round(0.015 * n))
            marked = set(rng.sample(candidates, min(len(candidates), n_mand)))
            obliged = set(rng.sample(candidates, min(len(candidates), max(1, n // 150))))
            outside = set(rng.sample(sorted(marked | obliged), max(1, len(marked | obliged) // 3)))

            initiatives, members, goal_links, req_links, lines = [], [], [], [], []
            annual_benefit: dict[str, float] = {}
            for iid in ids:
                lead = rng.choice(lead_pool)
                phase = phases[iid]
                committed = phase not in {Phase.IDEA.value, Phase.PROPOSAL.value,
                                          Phase.ON_HOLD.value, Phase.REJECTED.value}
                start = BUDGET_YEAR + (rng.randint(-2, 0) if committed else rng.randint(0, 3))
                title = f"{rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"
                initiatives.append(dict(
                    id=iid, title=title, description=f"{title}. Genereret til benchmark.",
                    lead_unit_id=lead, phase=phase,
                    kind=rng.choices([InitiativeKind.DEVELOPMENT.value,
                                      InitiativeKind.OPERATION.value], [0.75, 0.25])[0],
                    audience=rng.choice([Audience.INTERNAL.value, Audience.CITIZEN.value]),
                    maturity_level=rng.choice([None, *[m.value for m in MaturityLevel]]),
                    project_owner=f"Chef {rng.randint(1, 60)}",
                    project_manager=f"Projektleder {rng.randint(1, 200)}",
                    start_date=date(start, rng.randint(1, 12), 1),
                    end_date=date(start + rng.randint(1, 3), rng.randint(1, 12), 28),
                    mandatory=iid in marked, outside_frame=iid in outside,
                    confidential=rng.random() < 0.03, financing=rng.choice(FINANCING),
                ))
                for u in rng.sample(unit_ids, rng.choices([0, 1, 2, 3], [0.5, 0.3, 0.15, 0.05])[0]):
                    if u != lead:
                        members.append(dict(initiative_id=iid, unit_id=u))
                for g in rng.sample(goal_ids, rng.randint(0, 2)):
                    goal_links.append(dict(initiative_id=iid, goal_id=g))
                if iid in obliged:
                    req_links.append(dict(initiative_id=iid, requirement_id=reqs[
                        rng.randint(0, 1)].id))
                elif rng.random() < 0.1:
                    req_links.append(dict(initiative_id=iid, requirement_id=reqs[
                        rng.randint(2, 3)].id))
                bc = _business_case(rng, iid, start, unit_ids)
                lines.extend(bc)
                cash = [ln["amount"] for ln in bc if ln["flow"] == Flow.BENEFIT.value
                        and ln["benefit_kind"] == BenefitKind.CASH.value]
                annual_benefit[iid] = max(cash) if cash else 0.0
            s.execute(insert(Initiative.__table__), initiatives)
            s.execute(insert(initiative_unit), members) if members else None
            s.execute(insert(initiative_goal), goal_links) if goal_links else None
            s.execute(insert(initiative_requirement), req_links) if req_links else None
            s.execute(insert(BusinessCaseLine.__table__), lines)

            edges = _dependencies(rng, ids, phases, deps_per_initiative)
            if edges:
                s.execute(insert(Dependency.__table__), [dict(initiative_id=a, requires_id=b)
                                               for a, b in edges])

            assessments = []
            crit_list = sorted(criteria.values(), key=lambda c: c.sort_order)
            for iid in ids:
                gap = rng.choice(crit_list).id if rng.random() < 0.03 else None
                extra = [a for a, p in ((Assessor.PROPOSER.value, 0.5),
                                        (Assessor.UNIT.value, 0.3)) if rng.random() < p]
                for crit in crit_list:
                    value = _score(rng, crit, annual_benefit[iid])
                    if crit.id != gap:
                        assessments.append(dict(initiative_id=iid, criterion_id=crit.id,
                                                assessor=Assessor.AGREED.value, value=value))
                    for who in extra:
                        v = value
                        if crit.kind == CriterionKind.ORDINAL.value:
                            v = float(min(4, max(0, value + rng.choice((0, 0, 1, 1, -1)))))
                        assessments.append(dict(initiative_id=iid, criterion_id=crit.id,
                                                assessor=who, value=v))
            s.execute(insert(Assessment.__table__), assessments)

            frames = _frames(lines, phases, marked | obliged, outside, edges)
            scen = Scenario(name=BENCH_SCENARIO, objective=Objective.SCORE.value,
                            description="Fem årlige budgetrammer (benchmark).")
            scen.frames = [BudgetFrame(budget_year=y, frame_type=FrameType.TOTAL.value,
                                       amount=amt) for y, amt in frames.items()]
            s.add(scen)
            audit.log_event(s, "benchmark portfolio generated",
                            new=f"n={n} seed={seed} deps={len(edges)}")
        with pf.session(context="benchmark generator: total frame") as s:
            # the default scenario gets one total frame so ``select``/``frontier`` run as is
            default = s.scalars(select(Scenario).where(Scenario.is_default.is_(True))).first()
            if default is not None:
                s.add(BudgetFrame(scenario_id=default.id, budget_year=None,
                                  frame_type=FrameType.TOTAL.value,
                                  amount=round(sum(frames.values()), -5)))
    finally:
        pf.close()
    return path


def _frames(lines: list[dict], phases: dict[str, str], mandatory: set[str],
            outside: set[str], edges: list[tuple[str, str]]) -> dict[int, float]:
    """Yearly frames (kr.) = what is forced in + 35 % of the remaining candidate cost."""
    requires: dict[str, list[str]] = defaultdict(list)
    for a, b in edges:
        requires[a].append(b)
    committed = {i for i, p in phases.items() if p in {
        Phase.APPROVED.value, Phase.PROCUREMENT.value, Phase.IMPLEMENTATION.value,
        Phase.OPERATION.value}}
    forced: set[str] = set()
    stack = list(committed | mandatory)
    while stack:
        i = stack.pop()
        if i in forced:
            continue
        forced.add(i)
        stack.extend(requires[i])
    excluded = {Phase.REJECTED.value, Phase.CLOSED.value}
    forced_cost: dict[int, float] = defaultdict(float)
    free_cost: dict[int, float] = defaultdict(float)
    for ln in lines:
        if ln["flow"] != Flow.COST.value or not ln["cash"] or ln["budget_year"] not in FRAME_YEARS:
            continue
        iid = ln["initiative_id"]
        if phases[iid] in excluded or iid in outside:
            continue
        (forced_cost if iid in forced else free_cost)[ln["budget_year"]] += ln["amount"]
    return {y: round(forced_cost[y] + 0.35 * free_cost[y] + 100_000, -5) for y in FRAME_YEARS}


def _fingerprint() -> str:
    """A hash of what decides a generated file's content and schema."""
    h = hashlib.sha256()
    files = sorted((ROOT / "app" / "models").glob("*.py"))
    files += sorted((ROOT / "migrations" / "versions").glob("*.py"))
    files += [ROOT / "app" / "services" / "store.py", ROOT / "app" / "services" / "defaults.py",
              Path(__file__)]
    for f in files:
        if f.is_file():
            h.update(f.name.encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    """``$PRIORITISE_BENCH_CACHE`` or ``<tmp>/prioritise-bench-cache``."""
    d = Path(os.environ.get("PRIORITISE_BENCH_CACHE")
             or Path(tempfile.gettempdir()) / "prioritise-bench-cache")
    d.mkdir(parents=True, exist_ok=True)
    return d


def cached_portfolio(n: int, seed: int = 1, deps_per_initiative: float = 1.5) -> Path:
    """The generated portfolio for ``(n, seed, deps)``, generated once and then reused.

    Callers that write must copy it first (``working_copy``).
    """
    name = f"bench-n{n}-s{seed}-d{deps_per_initiative:g}-{_fingerprint()}.portfolio"
    path = cache_dir() / name
    if path.is_file():
        return path
    tmp = path.with_name(f"{path.stem}.{os.getpid()}.partial.portfolio")
    if tmp.exists():
        tmp.unlink()
    generate_portfolio(tmp, n, seed, deps_per_initiative)
    os.replace(tmp, path)
    return path


def working_copy(source: Path, folder: Path) -> Path:
    """A copy of a cached portfolio in ``folder`` that a benchmark may open for editing."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target
