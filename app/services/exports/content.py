"""Gather everything an output shows into one plain ``ReportContent`` (DOCX, PDF, XLSX, CSV).

Reads the portfolio in one read session and computes the ranking (``scoring.rank``) and,
when the scenario has budget frames, the recommended portfolio
(``selection.select_portfolio``); without frames the content says that no recommendation
was computed, and the budget table shows the whole active portfolio instead.

``public=True`` leaves confidential initiatives out of every list and every figure (their
titles, costs and scores never appear, not even inside a total). The recommendation is
still computed on the whole portfolio — it is the same recommendation — but its totals,
the frames' use, the greedy comparison and the budget table count only the visible
initiatives; ``hidden_count`` and ``Recommendation.hidden_selected`` say how many were left
out so the outputs can say so (a frame's use may then look lower than binding).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Initiative, OrgUnit, PairwiseJudgement, Scenario
from app.models.enums import EXCLUDED_PHASES
from app.services import labels, scoring
from app.services.defaults import shown_description, shown_unit
from app.services.errors import UserError
from app.services.exports.budget import BudgetTable, build_budget_table
from app.services.exports.common import ExportHooks
from app.services.exports.dump import dump_portfolio
from app.services.exports.records import LineRecord, PortfolioDump
from app.services.i18n import _
from app.services.snapshots import InitiativeRow, load_initiatives


@dataclass(frozen=True)
class LevelText:
    level: int
    label: str
    guide: str


@dataclass(frozen=True)
class CriterionFacts:
    """A criterion as the method section states it. ``weight`` fraction 0..1 of the
    whole; ``percent`` the weight as adopted (within its parent)."""

    key: str
    name: str
    description: str
    kind: str
    weight: float
    percent: float | None
    lower_is_better: bool
    anchor_low: float | None
    anchor_high: float | None
    unit_label: str
    levels: tuple[LevelText, ...] = ()


@dataclass(frozen=True)
class WeightFacts:
    name: str
    budget_year: int | None
    status: str
    adopted_on: date | None
    adopted_by: str
    consistency_ratio: float | None  # CR of the pairwise comparison, when one was used


@dataclass(frozen=True)
class ScenarioFacts:
    name: str
    description: str
    is_what_if: bool
    objective: str
    frames: tuple[tuple[int | None, str, float], ...]  # (budget year, frame type, kr.)
    capacity_fte: float | None


@dataclass(frozen=True)
class RankRow:
    """A ranking row of a visible initiative. ``score`` 0..1; ``contributions`` by
    criterion key; ``value_for_money`` score per 1 mio. kr."""

    rank: int
    id: str
    title: str
    lead_department: str
    phase: str
    score: float
    mandatory: bool
    complete: bool
    contributions: dict[str, float]
    value_for_money: float | None
    total_cost: float | None
    selected: bool | None  # None when no recommendation was computed


@dataclass(frozen=True)
class FrameLine:
    """A budget frame (or capacity row) after the optimisation: ``label`` for the reader,
    ``cap`` and ``used`` in kr. (årsværk when ``unit`` is "fte"), ``binding`` at its limit."""

    label: str
    cap: float
    used: float
    binding: bool
    unit: str = "kr."


@dataclass(frozen=True)
class Recommendation:
    """The recommended portfolio (visible ids, rank order) and its key facts."""

    selected: list[str]
    chosen: list[str]  # candidates the optimiser chose
    always_in: list[str]  # committed and mandatory items
    mandatory: list[str]
    not_selectable: list[str]
    total_score: float
    total_cost: float
    optimal: bool
    binding: list[str]  # the frames at their limit, named for the reader (labels.frame)
    price_of_mandatory: float
    objective: str
    frames: list[FrameLine]
    greedy_selected: list[str]
    greedy_total_score: float
    hidden_selected: int  # confidential initiatives in the recommendation (public outputs)
    cost_outside_frame: float = 0.0  # of total_cost: mandatory items financed outside
    #: what the budget frames hold (kr.; ``SelectionResult.cost_in_frame``): with yearly
    #: frames only the framed years, so not ``total_cost − cost_outside_frame`` then
    cost_in_frame: float = 0.0


@dataclass
class ReportContent:
    """Everything the outputs print; amounts in kr., scores 0..1."""

    lang: str
    public: bool
    generated_at: datetime
    data_date: date
    municipality: str
    portfolio_name: str
    currency: str
    budget_year: int
    price_base_year: int
    discount_rate: float
    horizon_years: int
    logo_png: bytes | None
    scenario: ScenarioFacts
    weights: WeightFacts
    criteria: list[CriterionFacts]
    tie_rule: str
    initiatives: dict[str, InitiativeRow]  # visible initiatives by id, id order
    ranking: list[RankRow]
    recommendation: Recommendation | None
    no_recommendation_reason: str  # '' when a recommendation was computed
    budget: BudgetTable
    budget_scope: str  # what the budget table covers, as a sentence
    dump: PortfolioDump  # records (public-filtered) for the spreadsheets and the appendix
    hidden_count: int = 0
    lines_by_initiative: dict[str, list[LineRecord]] = field(default_factory=dict)
    agreed: dict[str, dict[str, float]] = field(default_factory=dict)  # id → key → value
    charts: list[tuple[str, Any]] = field(default_factory=list)  # (key, chart description)
    money_scale: int = 1000  # budget tables in 1.000 kr., or in mio. for very large amounts
    meeting_date: date | None = None  # the meeting the bilag is for, when given
    #: the prices of the budget table's amounts as a sentence names them: "2026 prices",
    #: or that the source states no price base (``economics.PriceBasis.phrase``)
    prices: str = ""

    @property
    def unit(self) -> str:
        """The unit of the tables' amounts, e.g. "1.000 kr." or "mio. GBP"."""
        from app.services.exports.fmt import money_unit

        return money_unit(self.currency, self.money_scale)

    @property
    def unit_with_prices(self) -> str:
        """The first header of a budget table: the unit and the prices of its amounts as
        the sentence above it names them (``prices``), e.g. "1.000 kr., 2026-priser";
        ``unit`` alone when the prices are not known. The PDF, DOCX and XLSX budget
        tables all take it from here."""
        return f"{self.unit}, {self.prices}" if self.prices else self.unit

    def money(self, value: float | None) -> str:
        """An amount in kr. printed in ``unit``."""
        from app.services.exports.fmt import money

        return money(value, self.money_scale)

    @property
    def currency_text(self) -> str:
        """"kr." or the currency code."""
        from app.services.exports.fmt import currency_suffix

        return currency_suffix(self.currency)

    @property
    def title(self) -> str:
        """The document title: the portfolio's own name and the budget year, or
        "Digitaliseringsportefølje 2027" for a portfolio with the default name."""
        from app.models import PortfolioSettings

        default = PortfolioSettings.__table__.c.name.default.arg
        if self.portfolio_name and self.portfolio_name != default:
            # a name that already carries the year (e.g. "… 2027–2030") gets no second one
            if str(self.budget_year) in self.portfolio_name:
                return self.portfolio_name
            return f"{self.portfolio_name} {self.budget_year}"
        return _("Digitalisation portfolio {year}").format(year=self.budget_year)

    def visible(self, ids: list[str]) -> list[InitiativeRow]:
        """The visible initiatives among ``ids``, in that order."""
        return [self.initiatives[i] for i in ids if i in self.initiatives]


def _consistency_ratio(session: Session, weight_set_id: int | None) -> float | None:
    """CR of the top-level pairwise comparison of a weight set, or None when none was
    made (Saaty's eigenvector method, the engine's ``ahp.analyse``)."""
    if weight_set_id is None:
        return None
    rows = list(session.scalars(select(PairwiseJudgement).where(
        PairwiseJudgement.weight_set_id == weight_set_id,
        PairwiseJudgement.parent_criterion_id.is_(None))))
    if not rows:
        return None
    from app.services import ahp
    ids = sorted({r.row_criterion_id for r in rows} | {r.col_criterion_id for r in rows})
    pos = {cid: k for k, cid in enumerate(ids)}
    n = len(ids)
    matrix = [[1.0] * n for _k in range(n)]
    for r in rows:
        i, j = pos[r.row_criterion_id], pos[r.col_criterion_id]
        matrix[i][j] = float(r.value)
        matrix[j][i] = 1.0 / float(r.value)
    try:
        return float(ahp.analyse(matrix, [str(c) for c in ids]).cr)
    except UserError:  # stored judgements that do not form a valid matrix: no CR to state
        return None


def _visible_figures(result: Any, built: Any, hidden: set[str]) -> dict[str, Any]:
    """The recommendation's figures without the ``hidden`` (confidential) initiatives:
    ``total_score``, ``total_cost``, ``cost_outside_frame``, ``cost_in_frame``,
    ``greedy_total_score`` (as ``SelectionResult`` defines them, over the visible selected
    only) and ``used`` (per ``result.frame_use`` row, kr. or årsværk: the row's use less
    the hidden selected initiatives' use of it, ``SelectionProblem.rows``)."""
    data = built.data
    shown = [i for i in result.selected if i not in hidden]
    gone = [i for i in result.selected if i in hidden]
    used = [u.used for u in result.frame_use]
    if gone:
        p = built.problem
        col = {iid: k for k, iid in enumerate(p.ids)}
        ks = [col[i] for i in gone if i in col]
        if ks:
            used = [float(u - p.rows[r, ks].sum()) for r, u in enumerate(used)]
    return {
        "total_score": float(sum(built.scores.get(i, 0.0) for i in shown)),
        "total_cost": float(sum(data.total_cost[i] or 0.0 for i in shown)),
        "cost_outside_frame": float(sum(data.total_cost[i] or 0.0 for i in shown
                                        if data.mandatory[i] and data.outside_frame[i])),
        "cost_in_frame": float(sum(data.covered_cost(i, built.frames) for i in shown)),
        "greedy_total_score": float(sum(built.scores.get(i, 0.0)
                                        for i in result.greedy_selected if i not in hidden)),
        "used": used,
    }


def gather(session: Session, *, scenario: str | None = None, public: bool = False,
           audit: bool = False, charts: bool = False,
           hooks: ExportHooks | None = None) -> ReportContent:
    """Read and compute everything the outputs show (see module docstring).

    ``scenario``: a scenario name, None = the default. Raises ``UserError`` for an unknown
    scenario. ``audit``: include the audit log (the XLSX export); ``charts``: build the
    chart descriptions (the PDF). Checks ``hooks`` for cancel between steps.
    """
    from app.services import weights as weights_service
    from app.services.formatting import language
    from app.services.scenarios import get_scenario
    from app.services.selection import build_problem, select_built

    hooks = hooks or ExportHooks()
    sc: Scenario = get_scenario(session, scenario)
    hooks.step(0.02, _("Reading the portfolio"))
    dump = dump_portfolio(session, public=public, audit=audit)
    s = dump.settings
    rows = load_initiatives(session)
    hidden = {r.id for r in rows if public and r.confidential}
    visible = {r.id: r for r in rows if r.id not in hidden}
    if hidden:  # nor may a visible initiative name a confidential prerequisite
        visible = {i: replace(r, requires=[x for x in r.requires if x not in hidden])
                   for i, r in visible.items()}

    hooks.step(0.06, _("Ranking"))
    ranking = scoring.rank(session, sc)
    ws = weights_service.weight_set_for(session, sc)
    percents = weights_service.percents(session, ws.id) if ws else {}

    hooks.step(0.10, _("Computing the recommended portfolio"))
    rec: Recommendation | None = None
    reason = ""
    built = None
    try:
        built = build_problem(session, sc)
        result = select_built(built)
    except UserError as exc:
        result = None
        has_frames = bool(sc.frames)
        reason = str(exc) if has_frames else _(
            "No recommendation was computed: the scenario “{name}” has no budget frame."
        ).format(name=sc.name)
    selected_all = set(result.selected) if result else set()
    rank_rows = [
        RankRow(
            rank=r.rank, id=r.id, title=r.title, lead_department=r.lead_department,
            phase=r.phase, score=r.score, mandatory=r.mandatory, complete=r.complete,
            contributions=r.contributions, value_for_money=r.value_for_money,
            total_cost=r.total_cost, selected=(r.id in selected_all) if result else None,
        )
        for r in ranking.rows if r.id not in hidden
    ]
    if result is not None:
        keep = [i for i in result.selected if i not in hidden]
        unit_codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code)).all())
        frame_labels = {u.name: labels.frame(u.year, u.frame_type, unit_codes.get(u.unit_id))
                        for u in result.frame_use}
        shown = _visible_figures(result, built, hidden)
        rec = Recommendation(
            selected=keep, chosen=[i for i in result.chosen if i not in hidden],
            always_in=[i for i in result.always_in if i not in hidden],
            mandatory=[i for i in keep if visible[i].mandatory],
            not_selectable=[i for i in result.not_selectable if i not in hidden],
            total_score=shown["total_score"], total_cost=shown["total_cost"],
            cost_outside_frame=shown["cost_outside_frame"],
            cost_in_frame=shown["cost_in_frame"],
            optimal=result.optimal, binding=[frame_labels[n] for n in result.binding
                                             if n in frame_labels],
            price_of_mandatory=result.price_of_mandatory, objective=result.objective,
            frames=[FrameLine(frame_labels[u.name], u.cap, used, u.binding,
                              "kr." if u.unit == "kr." else "fte")
                    for u, used in zip(result.frame_use, shown["used"])],
            greedy_selected=[i for i in result.greedy_selected if i not in hidden],
            greedy_total_score=shown["greedy_total_score"],
            hidden_selected=len(selected_all & hidden),
        )
        budget_ids = [i for i in result.selected if i not in hidden]
        scope = _("The budget table shows the recommended portfolio ({n} initiatives).").format(
            n=len(budget_ids))
    else:
        excluded = {p.value for p in EXCLUDED_PHASES}
        budget_ids = [r.id for r in rows if r.phase not in excluded and r.id not in hidden]
        scope = _("No recommendation was computed, so the budget table shows every active "
                  "initiative ({n}; rejected and closed ones left out).").format(n=len(budget_ids))

    hooks.step(0.14, _("Budget table"))
    all_lines = dump.lines  # public: the confidential initiatives' lines are not in it
    # financed outside the frame: mandatory items only (an optional one uses the frame)
    outside = [r.id for r in rows if r.outside_frame and r.mandatory]
    budget = build_budget_table(all_lines, budget_ids, s.budget_year, outside)
    from app.services.economics import price_basis

    prices = price_basis(session, budget_ids).phrase()

    levels: dict[str, list[LevelText]] = {}
    for lv in dump.levels:
        levels.setdefault(lv.criterion_key, []).append(LevelText(lv.level, lv.label, lv.guide))
    descriptions = {c.key: c.description for c in dump.criteria}
    criteria = [
        CriterionFacts(
            key=c.key, name=c.name, kind=c.kind,
            description=shown_description(descriptions.get(c.key, ""), c.unit_label,
                                          s.currency),
            weight=c.weight, percent=percents.get(c.key), lower_is_better=c.lower_is_better,
            anchor_low=c.anchor_low, anchor_high=c.anchor_high,
            unit_label=shown_unit(c.unit_label, s.currency), levels=tuple(levels.get(c.key, ())),
        )
        for c in ranking.criteria
    ]
    lines_by: dict[str, list[LineRecord]] = {}
    for ln in dump.lines:
        lines_by.setdefault(ln.initiative_id, []).append(ln)
    agreed: dict[str, dict[str, float]] = {}
    for a in dump.assessments:
        if a.assessor == "agreed":
            agreed.setdefault(a.initiative_id, {})[a.criterion_key] = a.value
    latest = session.scalar(select(func.max(Initiative.updated_at)))
    from app.services.snapshots import load_settings

    chart_list: list[tuple[str, Any]] = []
    if charts:
        from app.services.exports.chart_data import gather_charts

        hooks.step(0.15, _("Charts"))
        chart_list = gather_charts(session, sc, ranking, rows, hidden, s.budget_year,
                                   s.currency, result)
    settings = load_settings(session)
    largest = max([abs(v) for r in budget.rows for v in r.values.values()]
                  + [abs(r.total_cost or 0.0) for r in visible.values()] + [0.0])
    # a national portfolio (billions) would not fit the columns in 1.000 kr.
    money_scale = 1_000_000 if largest >= 1e9 else 1000
    data_date = (latest or settings.created_at).date()
    return ReportContent(
        lang=language(), public=public, generated_at=datetime.now(), data_date=data_date,
        municipality=s.municipality, portfolio_name=s.name, currency=s.currency,
        budget_year=s.budget_year, price_base_year=s.price_base_year,
        discount_rate=s.discount_rate, horizon_years=s.horizon_years,
        logo_png=settings.logo_png,
        scenario=ScenarioFacts(
            name=sc.name, description=sc.description, is_what_if=bool(sc.is_what_if),
            objective=sc.objective,
            frames=tuple((f.budget_year, f.frame_type, float(f.amount)) for f in sc.frames
                         if f.unit_id is None),
            capacity_fte=sc.capacity_fte,
        ),
        weights=WeightFacts(
            name=ws.name if ws else "", budget_year=ws.budget_year if ws else None,
            status=ws.status if ws else "", adopted_on=ws.adopted_on if ws else None,
            adopted_by=ws.adopted_by if ws else "",
            consistency_ratio=_consistency_ratio(session, ws.id if ws else None),
        ),
        criteria=criteria, tie_rule=ranking.tie_rule, initiatives=visible, ranking=rank_rows,
        recommendation=rec, no_recommendation_reason=reason, budget=budget,
        budget_scope=scope, dump=dump, hidden_count=len(hidden),
        lines_by_initiative=lines_by, agreed=agreed, charts=chart_list,
        money_scale=money_scale, prices=prices,
    )
