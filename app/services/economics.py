"""Economics in budget form (DESIGN §7 "Business case").

Per initiative and for the portfolio: costs and benefits per budget year (the budget year
plus three overslagsår; lines of other years and lines without a year reported apart),
anlæg and drift apart (afledt drift shown as "heraf"), by financing source, in kr. (the UI
and outputs show 1.000 kr. via ``formatting.format_thousands``); cash-releasing savings
are negative in the budget table (mindreudgifter), as the finance department writes them.
Internal working time is not cash: it is shown in årsværk and its kr. value counts in the
total cost of ownership and the NNV, never in the budget.

Key figures: NNV (nettonutidsværdi; rate and horizon from the initiative, else the
portfolio: default 3.5 % — Finansministeriet's socio-economic discount rate for years
0–35 since January 2021 — and 5 years after go-live), IRR, payback period (undiscounted),
ROI, total cost of ownership, PERT expected values (low + 4·likely + high)/6. ``npv`` and
``irr`` follow numpy-financial's conventions (the first value is at t = 0, undiscounted;
IRR is the real root closest to zero, NaN when none) without importing it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.models import BusinessCaseLine, FieldNote, Initiative
from app.models.enums import BenefitKind, Flow, LineType
from app.services.errors import UserError
from app.services.i18n import _, ngettext
from app.services.plain_rows import plain_rows
from app.services.snapshots import load_settings

#: Finansministeriet's socio-economic discount rate (years 0–35), since January 2021
DEFAULT_DISCOUNT_RATE = 0.035
#: years after go-live counted in the NNV (DESIGN §7)
DEFAULT_HORIZON_YEARS = 5
#: budget year + 3 overslagsår
BUDGET_YEARS = 4

# plain strings of the codes (an Enum's .value is slow in loops over many lines)
_COST, _BENEFIT = Flow.COST.value, Flow.BENEFIT.value
_CAPITAL, _OPERATING = LineType.CAPITAL.value, LineType.OPERATING.value
_QUALITATIVE, _CASH_KIND = BenefitKind.QUALITATIVE.value, BenefitKind.CASH.value
#: ``BusinessCaseLine.line_type`` of a cost the source did not type as anlæg or drift
#: (e.g. an imported whole-life total): "ikke fordelt", never read as drift
UNSPLIT = ""
#: ``FieldNote.field`` of the note an import leaves on an initiative whose amounts are in
#: no one year's prices (mapping ``price_base`` "nominal" / "not_stated"): the outputs
#: then do not claim the portfolio's price base year for it (``price_basis``)
UNSTATED_PRICE_FIELD = "price_base_year"


def npv(rate: float, values: list[float] | np.ndarray) -> float:
    """Net present value Σ v_t / (1 + rate)^t, t = 0, 1, …; ``values`` per year in kr.
    (numpy-financial's convention: the first value is not discounted). A year without
    lines is a 0 in ``values``: the business case's NNV (``key_figures``) reports the
    years of its horizon that have no lines rather than filling them in (see there)."""
    v = np.asarray(values, dtype=float)
    if rate <= -1:
        raise UserError(_("A discount rate must be above -100 %"))
    return float((v / (1.0 + rate) ** np.arange(len(v))).sum())


def irr(values: list[float] | np.ndarray) -> float:
    """Internal rate of return: the rate r with npv(r, values) = 0; of several, the one
    closest to zero; NaN when there is none (numpy-financial's definition, via the
    roots of the polynomial Σ v_t x^t, x = 1/(1 + r))."""
    v = np.asarray(values, dtype=float)
    if v.size < 2 or not np.any(v):
        return float("nan")
    roots = np.roots(v[::-1])
    mask = (roots.imag == 0) & (roots.real > 0)
    if not mask.any():
        return float("nan")
    rates = 1.0 / roots[mask].real - 1.0
    return float(rates[np.argmin(np.abs(rates))])


def pert(likely: float, low: float | None = None, high: float | None = None) -> float:
    """Three-point expected value (low + 4·likely + high)/6 (PERT; Malcolm et al. 1959);
    the likely value when low or high is missing."""
    if low is None or high is None:
        return float(likely)
    return (float(low) + 4.0 * float(likely) + float(high)) / 6.0


def payback_period(net: list[float] | np.ndarray, start: int = 0) -> float | None:
    """Simple (undiscounted) payback period in years: the time until the cumulative net
    cash flow turns non-negative, counted from the start of year ``start`` (the first
    year with a cost) and linear within the year it happens, each year's net flowing
    evenly over that year (the simple payback rule, e.g. Brealey, Myers & Allen,
    *Principles of Corporate Finance*, ch. 5; DESIGN §3 "tilbagebetalingstid"). ``net`` per
    budget year (benefit − cost, kr.), year 0 the first dated year; years before
    ``start`` count in the cumulative sum but not in the time.
    [-100, 60, 60] → 2 + 40/60 = 2.67 (recouped two thirds into the third year);
    [-545, 670] → 1.81. 0 when the cumulative net is never negative; None when it is still
    negative at the end of ``net``."""
    cum = 0.0
    seen_negative = False
    for t, x in enumerate(np.asarray(net, dtype=float)):
        before = cum
        cum += x
        if cum < 0:
            seen_negative = True
        elif seen_negative:
            return max(0.0, t + (-before / x) - start)
    return None if seen_negative else 0.0


@dataclass(frozen=True)
class Line:
    """A business-case line as plain data (amounts in kr.; ``fte`` in årsværk)."""

    flow: str
    year: int | None
    line_type: str
    amount: float
    derived_operating: bool = False
    category: str = "andet"
    financing: str = ""
    low: float | None = None
    high: float | None = None
    cash: bool = True
    fte: float | None = None
    benefit_kind: str | None = None

    @property
    def expected(self) -> float:
        return pert(self.amount, self.low, self.high)

    @property
    def is_saving(self) -> bool:
        """A cash-releasing benefit (budgetrealiserbar): a negative budget line. Only a
        benefit whose kind says so: one of unknown kind (``benefit_kind`` None, e.g. an
        imported total whose source does not say what it is) is never budget-realisable."""
        return self.flow == _BENEFIT and self.cash and self.benefit_kind == _CASH_KIND

    @property
    def is_unknown_benefit(self) -> bool:
        """A benefit whose kind is not given (``benefit_kind`` None): not cash-releasing
        in the budget, but counted in NNV/ROI like any monetised benefit."""
        return self.flow == _BENEFIT and self.benefit_kind is None

    @property
    def counts_in_value(self) -> bool:
        """Counted in NNV/ROI: every cost; benefits except qualitative ones."""
        return self.flow == _COST or self.benefit_kind != _QUALITATIVE


ROW_KEYS = ("anlaeg", "drift", "unsplit", "derived_operating", "savings", "net",
            "unknown_benefit")


@dataclass
class BudgetTable:
    """A budget table in kr. ``years``: budget year + 3 overslagsår. ``rows[key]`` maps
    a year → kr. plus the keys "other" (dated lines outside ``years``), "none" (no year)
    and "total". Row keys: anlaeg, drift (udgifter), unsplit (udgifter ikke fordelt på
    anlæg og drift: cost lines whose type the source did not give, never read as drift),
    derived_operating (heraf afledt drift), savings (budgetrealiserbare gevinster,
    negative), net (the sum of anlaeg, drift, unsplit and savings), unknown_benefit
    (benefits whose kind is not given, positive, outside the net: not budget-realisable).
    ``financing[source]``: net cash by year, same keys. ``fte``: årsværk of internal time
    by year. ``other_years``: the years summed in "other"."""

    years: list[int]
    rows: dict[str, dict[int | str, float]]
    financing: dict[str, dict[int | str, float]]
    fte: dict[int | str, float]
    other_years: list[int] = field(default_factory=list)

    def column(self, year: int | None) -> int | str:
        if year is None:
            return "none"
        return year if year in self.years else "other"


def line_key(line_type: str | None) -> str:
    """The budget row of a cost line's type: "anlaeg", "drift", or "unsplit" for a type
    not given (``UNSPLIT``, None or a code this version does not know)."""
    if line_type == _CAPITAL:
        return "anlaeg"
    if line_type == _OPERATING:
        return "drift"
    return "unsplit"


def budget_table(lines: list[Line], budget_year: int) -> BudgetTable:
    """The budget table of some lines (one initiative, or many summed)."""
    years = list(range(budget_year, budget_year + BUDGET_YEARS))
    cols: list[int | str] = [*years, "other", "none", "total"]
    table = BudgetTable(years=years, rows={k: {c: 0.0 for c in cols} for k in ROW_KEYS},
                        financing={}, fte={c: 0.0 for c in cols})
    other: set[int] = set()
    for ln in lines:
        col = table.column(ln.year)
        if col == "other":
            other.add(int(ln.year))  # type: ignore[arg-type]
        if ln.fte:
            table.fte[col] += ln.fte
            table.fte["total"] += ln.fte
        if ln.flow == _COST and ln.cash:
            key = line_key(ln.line_type)
            signed = ln.amount
            add = [key] + (["derived_operating"] if ln.derived_operating and key == "drift" else [])
        elif ln.is_saving:
            signed = -ln.amount
            add = ["savings"]
        else:
            if ln.is_unknown_benefit and ln.cash:
                table.rows["unknown_benefit"][col] += ln.amount
                table.rows["unknown_benefit"]["total"] += ln.amount
            continue
        for k in add + ["net"]:
            table.rows[k][col] += signed
            table.rows[k]["total"] += signed
        fin = table.financing.setdefault(ln.financing or "", {c: 0.0 for c in cols})
        fin[col] += signed
        fin["total"] += signed
    table.other_years = sorted(other)
    return table


@dataclass(frozen=True)
class KeyFigures:
    """Economic key figures of one initiative (kr., years). ``npv`` None when no line has
    a year; ``payback_years`` None when the net never turns positive; ``roi`` None
    without costs; ``expected_*`` the PERT totals (equal to the likely ones without
    three-point estimates)."""

    initiative_id: str
    discount_rate: float
    horizon_years: int
    first_year: int | None
    go_live_year: int | None
    last_year: int | None
    cash_cost: float
    internal_cost: float
    internal_fte: float
    benefit: float
    tco: float
    npv: float | None
    npv_expected: float | None
    irr: float | None
    payback_years: float | None
    roi: float | None
    expected_cost: float
    expected_benefit: float
    three_point: bool
    full_business_case: bool
    undated_amount: float
    flows: dict[int, float]
    #: the last year with a line counted in the NNV (cost or non-qualitative benefit)
    data_last_year: int | None = None
    #: kr. (benefit − cost) of dated lines after ``last_year``: not in the NNV
    after_horizon: float = 0.0

    @property
    def years_without_lines(self) -> tuple[int, int] | None:
        """(first, last) year of the NNV horizon after the last year with lines, which
        count as 0 in the NNV (``npv`` docstring); None when the lines reach the end of the
        horizon. E.g. lines to 2030 and horizon to 2032 → (2031, 2032)."""
        if self.last_year is None or self.data_last_year is None:
            return None
        if self.data_last_year >= self.last_year:
            return None
        return (self.data_last_year + 1, self.last_year)


def key_figures(initiative_id: str, lines: list[Line], *, rate: float, horizon: int,
                go_live_year: int | None, full: bool, with_irr: bool = True) -> KeyFigures:
    """Key figures from lines. The NNV runs from the first dated year (t = 0) to go-live
    + ``horizon`` (the go-live year and ``horizon`` years after it, DESIGN §7 "5 years
    after go-live": go-live 2027, horizon 5 → 2027–2032); go-live defaults to the last
    year with an anlæg cost, else the first year. Costs count cash and internal time;
    qualitative benefits do not count. ``with_irr`` False skips the IRR (a polynomial root
    search; ``irr`` is then None).

    Years of the horizon without lines (the rule). A year with no line counts as 0 in the
    NNV, IRR and payback: nothing is extrapolated, because a business case states its
    costs and benefits year by year and the tool must not invent a licence or a benefit
    the proposer did not enter (DESIGN §7 "Business case": lines by budget year). No
    authoritative rule for filling such years was found (Digitaliseringsstyrelsen's
    business-case model also computes from the yearly amounts entered), so the gap is
    shown instead of hidden: ``data_last_year`` and ``years_without_lines`` name it and
    the outputs of the NNV say which years carry data and that the rest count as 0
    (business-case tab, ``select --objective npv``: ``npv_horizon_gaps``). Lines after the
    horizon are left out of the NNV and summed in ``after_horizon``."""
    valued = [ln for ln in lines if ln.counts_in_value]
    dated = [ln for ln in valued if ln.year is not None]
    cost_lines = [ln for ln in lines if ln.flow == _COST]
    cash_cost = sum(ln.amount for ln in cost_lines if ln.cash)
    internal = sum(ln.amount for ln in cost_lines if not ln.cash)
    benefit = sum(ln.amount for ln in valued if ln.flow == _BENEFIT)
    first = min((ln.year for ln in dated), default=None)
    if go_live_year is None and dated:
        capital = [ln.year for ln in dated if ln.flow == _COST
                   and ln.line_type == _CAPITAL]
        go_live_year = max(capital) if capital else first
    last = (go_live_year + horizon) if go_live_year is not None else None
    npv_v = npv_e = irr_v = payback = None
    flows: dict[int, float] = {}
    if first is not None and last is not None:
        span = max(0, last - first) + 1
        likely = np.zeros(span)
        expected = np.zeros(span)
        for ln in dated:
            t = ln.year - first  # type: ignore[operator]
            if 0 <= t < span:
                sign = -1.0 if ln.flow == _COST else 1.0
                likely[t] += sign * ln.amount
                expected[t] += sign * ln.expected
        npv_v, npv_e = npv(rate, likely), npv(rate, expected)
        r = irr(likely) if with_irr else float("nan")
        irr_v = None if np.isnan(r) else r
        first_cost = min((ln.year for ln in dated if ln.flow == _COST), default=first)
        payback = payback_period(likely, start=max(0, first_cost - first))  # type: ignore[operator]
        flows = {first + t: float(x) for t, x in enumerate(likely)}
    total_cost = cash_cost + internal
    return KeyFigures(
        initiative_id=initiative_id, discount_rate=rate, horizon_years=horizon,
        first_year=first, go_live_year=go_live_year, last_year=last, cash_cost=cash_cost,
        internal_cost=internal, internal_fte=sum(ln.fte or 0.0 for ln in lines),
        benefit=benefit, tco=total_cost, npv=npv_v, npv_expected=npv_e, irr=irr_v,
        payback_years=payback, roi=(benefit - total_cost) / total_cost if total_cost > 0 else None,
        expected_cost=sum(ln.expected for ln in cost_lines),
        expected_benefit=sum(ln.expected for ln in valued if ln.flow == _BENEFIT),
        three_point=any(ln.low is not None and ln.high is not None for ln in lines),
        full_business_case=full,
        undated_amount=sum(ln.amount for ln in valued if ln.year is None), flows=flows,
        data_last_year=max((ln.year for ln in dated), default=None),  # type: ignore[type-var]
        after_horizon=sum((-ln.amount if ln.flow == _COST else ln.amount) for ln in dated
                          if last is not None and ln.year > last),  # type: ignore[operator]
    )


def load_lines(session: Session, ids: list[str] | None = None) -> dict[str, list[Line]]:
    """Business-case lines per initiative id (one query, plain columns)."""
    b = BusinessCaseLine
    q = select(b.initiative_id, b.flow, b.budget_year, b.line_type, b.amount,
               b.derived_operating, b.category, b.financing, b.amount_low, b.amount_high,
               b.cash, b.fte, b.benefit_kind).order_by(b.initiative_id, b.id)
    if ids is not None:
        q = q.where(b.initiative_id.in_(ids))
    out: dict[str, list[Line]] = defaultdict(list)
    for (iid, flow, year, line_type, amount, derived, category, financing, low, high, cash,
         fte, kind) in session.execute(q):
        out[iid].append(Line(
            flow=flow, year=year, line_type=line_type, amount=float(amount),
            derived_operating=bool(derived), category=category, financing=financing or "",
            low=low, high=high, cash=bool(cash), fte=fte, benefit_kind=kind,
        ))
    return dict(out)


def economics_by_initiative(session: Session, ids: list[str] | None = None, *,
                            with_irr: bool = True) -> dict[str, KeyFigures]:
    """Key figures of every initiative (or of ``ids``), rate and horizon from the
    initiative or else the portfolio; full business case when the initiative says so or
    its cash cost reaches the portfolio's ``full_business_case_threshold``."""
    settings = load_settings(session)
    lines = load_lines(session, ids)
    q = select(Initiative.id, Initiative.discount_rate, Initiative.horizon_years,
               Initiative.end_date, Initiative.full_business_case)
    if ids is not None:
        q = q.where(Initiative.id.in_(ids))
    out = {}
    for iid, rate, horizon, end, full in session.execute(q):
        ls = lines.get(iid, [])
        cash = sum(ln.amount for ln in ls if ln.flow == _COST and ln.cash)
        out[iid] = key_figures(
            iid, ls,
            rate=rate if rate is not None else (settings.discount_rate
                                                if settings.discount_rate is not None
                                                else DEFAULT_DISCOUNT_RATE),
            horizon=horizon if horizon is not None else (settings.horizon_years
                                                         or DEFAULT_HORIZON_YEARS),
            go_live_year=end.year if end is not None else None,
            full=bool(full) if full is not None else cash >= settings.full_business_case_threshold,
            with_irr=with_irr,
        )
    return out


def npv_by_initiative(session: Session) -> dict[str, float | None]:
    """NNV in kr. of every initiative (None when no line has a year): the NNV of
    ``economics_by_initiative`` without building the other key figures (no ``Line``
    objects, no IRR/PERT). The same lines, first year, go-live, horizon and rate as
    ``key_figures``; one query sums the valued lines per initiative and year in the
    database, and numpy discounts and adds them (equal to ``key_figures(...).npv`` up to
    floating-point summation order)."""
    settings = load_settings(session)
    default_rate = (settings.discount_rate if settings.discount_rate is not None
                    else DEFAULT_DISCOUNT_RATE)
    default_horizon = settings.horizon_years or DEFAULT_HORIZON_YEARS
    inits = session.execute(
        select(Initiative.id, Initiative.discount_rate, Initiative.horizon_years,
               Initiative.end_date)).all()
    n = len(inits)
    index = {row[0]: i for i, row in enumerate(inits)}
    rate = np.array([default_rate if r is None else r for _, r, _, _ in inits], dtype=float)
    horizon = np.array([default_horizon if h is None else h for _, _, h, _ in inits],
                       dtype=np.int64)
    go_live = np.array([-1 if e is None else e.year for _, _, _, e in inits], dtype=np.int64)
    has_go_live = go_live >= 0

    b = BusinessCaseLine.__table__.c
    # lines counted in value (every cost; benefits except qualitative ones) with a year,
    # summed per initiative and year in the database (costs negative), with whether the
    # year has an anlæg cost: a few rows per initiative instead of every line
    is_cost = b.flow == _COST
    q = (select(b.initiative_id, b.budget_year,
                func.sum(case((is_cost, -b.amount), else_=b.amount)),
                func.max(case((is_cost & (b.line_type == _CAPITAL), 1), else_=0)))
         .where(b.budget_year.is_not(None))
         .where(is_cost | b.benefit_kind.is_(None) | (b.benefit_kind != _QUALITATIVE))
         .group_by(b.initiative_id, b.budget_year))
    sums = plain_rows(session, q)  # driver tuples: 35,000 rows at 5,000 initiatives
    out: dict[str, float | None] = {row[0]: None for row in inits}
    if not sums:
        return out
    # one column at a time (``zip(*sums)`` over 35,000 rows is slower than four passes)
    get, m = index.get, len(sums)
    idx = np.fromiter((get(r[0], -1) for r in sums), dtype=np.int64, count=m)
    year = np.fromiter((r[1] for r in sums), dtype=np.int64, count=m)
    amount = np.fromiter((r[2] for r in sums), dtype=float, count=m)
    is_capital = np.fromiter((r[3] for r in sums), dtype=bool, count=m)
    known = idx >= 0
    if not known.all():
        idx, is_capital, year, amount = (a[known] for a in (idx, is_capital, year, amount))
    if not idx.size:
        return out

    big = np.iinfo(np.int64).max
    first = np.full(n, big, dtype=np.int64)
    np.minimum.at(first, idx, year)
    dated = first != big
    last_capital = np.full(n, -1, dtype=np.int64)
    np.maximum.at(last_capital, idx[is_capital], year[is_capital])
    live = np.where(has_go_live, go_live,
                    np.where(last_capital >= 0, last_capital, first))
    last = live + horizon
    span = np.maximum(0, last - first) + 1
    valued = np.flatnonzero(dated)
    bad = valued[rate[valued] <= -1]
    if bad.size:
        raise UserError(_("A discount rate must be above -100 %"))

    t = year - first[idx]
    keep = t < span[idx]  # t >= 0 always: ``first`` is the earliest year
    idx, t = idx[keep], t[keep]
    # discount each year's sum and add per initiative in year order (the database
    # returns the groups by initiative and year; np.bincount adds in input order)
    present = amount[keep] / (1.0 + rate[idx]) ** t.astype(float)
    total = np.bincount(idx, weights=present, minlength=n)
    for i in valued.tolist():
        out[inits[i][0]] = float(total[i])
    return out


def npv_horizon_gaps(session: Session, ids: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """{id: (last year with lines, last year of the NNV horizon)} of the initiatives (all,
    or ``ids``) whose NNV horizon runs past their last year with a line counted in the
    NNV, so the years between count as 0 (``key_figures``, "Years of the horizon without
    lines"). The same first year, go-live, horizon and lines as ``npv_by_initiative``;
    one grouped query (last and first dated year, last anlæg year per initiative)."""
    settings = load_settings(session)
    default_horizon = settings.horizon_years or DEFAULT_HORIZON_YEARS
    b = BusinessCaseLine.__table__.c
    is_cost = b.flow == _COST
    q = (select(b.initiative_id, func.min(b.budget_year), func.max(b.budget_year),
                func.max(case((is_cost & (b.line_type == _CAPITAL), b.budget_year),
                              else_=None)))
         .where(b.budget_year.is_not(None))
         .where(is_cost | b.benefit_kind.is_(None) | (b.benefit_kind != _QUALITATIVE))
         .group_by(b.initiative_id))
    i = Initiative.__table__.c
    meta = select(i.id, i.horizon_years, i.end_date)
    if ids is not None:
        q = q.where(b.initiative_id.in_(ids))
        meta = meta.where(i.id.in_(ids))
    years = {iid: (first, last, capital) for iid, first, last, capital in plain_rows(session, q)}
    out: dict[str, tuple[int, int]] = {}
    for iid, horizon, end in session.execute(meta):
        if iid not in years:
            continue
        first, data_last, capital = years[iid]
        if end is not None:
            live = end.year if hasattr(end, "year") else int(str(end)[:4])
        else:
            live = capital if capital is not None else first
        last = live + (default_horizon if horizon is None else horizon)
        if data_last < last:
            out[iid] = (int(data_last), int(last))
    return out


def initiative_budget(session: Session, initiative_id: str) -> BudgetTable:
    """The budget table of one initiative (portfolio budget year + 3 overslagsår).
    Raises ``UserError`` for an unknown id."""
    if session.get(Initiative, initiative_id) is None:
        raise UserError(_("Unknown initiative: {id}").format(id=initiative_id))
    return budget_table(load_lines(session, [initiative_id]).get(initiative_id, []),
                        load_settings(session).budget_year)


def portfolio_budget(session: Session, ids: list[str] | None = None) -> BudgetTable:
    """The budget table summed over ``ids`` (default: every initiative), e.g. the
    recommended portfolio's ``selected``."""
    lines = load_lines(session, ids)
    return budget_table([ln for ls in lines.values() for ln in ls],
                        load_settings(session).budget_year)


@dataclass(frozen=True)
class PriceBasis:
    """The prices a set of initiatives' amounts are in: ``year`` the portfolio's price
    base year (DESIGN §7: amounts are entered in it); ``unstated`` of the ``total``
    initiatives asked about carry an import's note that their amounts are in no one
    year's prices (mapping ``price_base`` "nominal" or "not_stated")."""

    year: int
    unstated: int
    total: int

    def phrase(self) -> str:
        """The prices as a sentence of the outputs names them: "2026 prices" (da
        "2026-priser"); when the source states no price base for some or all of the
        initiatives, it says so instead of claiming the portfolio's year for them."""
        if not self.unstated:
            return _("{year} prices").format(year=self.year)
        if self.unstated >= self.total:
            return _("the source's prices (it states no price base)")
        return ngettext(
            "{year} prices, except {n} initiative whose source states no price base",
            "{year} prices, except {n} initiatives whose source states no price base",
            self.unstated).format(year=self.year, n=self.unstated)


def unstated_price_ids(session: Session, ids: list[str] | None = None) -> set[str]:
    """The ids (of ``ids``, default all) whose amounts an import marked as in no one
    year's prices (a ``FieldNote`` on ``UNSTATED_PRICE_FIELD``)."""
    q = select(FieldNote.initiative_id).where(FieldNote.field == UNSTATED_PRICE_FIELD)
    found = set(session.scalars(q))
    return found if ids is None else found & set(ids)


def price_basis(session: Session, ids: list[str]) -> PriceBasis:
    """The ``PriceBasis`` of the initiatives ``ids`` (e.g. those of a budget table);
    ``total`` counts those with business-case lines (an initiative without amounts has
    no prices to state)."""
    with_amounts = set(session.scalars(select(BusinessCaseLine.initiative_id).distinct()))
    wanted = set(ids) & with_amounts
    return PriceBasis(year=load_settings(session).price_base_year,
                      unstated=len(unstated_price_ids(session, list(wanted))),
                      total=len(wanted))
