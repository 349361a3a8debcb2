"""The budget table of the outputs (Økonomi section): budget year + three overslagsår,
anlæg and drift apart, in kr. (shown in 1.000 kr.), savings negative (mindreudgifter), and
the financing of the costs (DESIGN §2, §7 "Business case").

Built from the cash business-case lines (likely values) of a set of initiatives; internal
working time is not cash and stays out (it counts against capacity in årsværk).
Amounts with a year outside the four budget years go into an "other years" column, and
amounts with no year (e.g. an imported whole-life cost) into a "no year" column, as the
budget view shows them, so the totals always equal the lines' sum.

A cost whose type the source did not give (``economics.UNSPLIT``, e.g. an imported
whole-life total) is never printed as drift: it has a row of its own, "not split into
capital and operating", shown only when there is such a cost. A benefit of unknown kind
(``benefit_kind`` None) is not a budget-realisable saving: it stays out of the table and
the net, and ``unknown_benefit`` holds its sum for a note under the table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.services.economics import line_key
from app.services.exports.records import LineRecord
from app.services.i18n import _

#: the column key of amounts in a year outside the four budget years
OTHER = "other"
#: the column key of amounts without a year (e.g. an imported whole-life cost); the
#: budget view's "No year" column (``economics.BudgetTable`` key "none")
NONE = "none"


def column_label(col: int | str) -> str:
    """The header of a budget table's value column ``col``: the year, "Other years"
    (``OTHER``) or "No year" (``NONE``), as the budget view heads them."""
    if col == OTHER:
        return _("Other years")
    if col == NONE:
        return _("No year")
    return str(col)


@dataclass
class BudgetRow:
    """A row: ``values`` {year, OTHER or NONE: kr.}; ``kind`` "line", "subtotal" or "total";
    ``section`` "expenses" or "financing"."""

    label: str
    values: dict[int | str, float]
    kind: str = "line"
    section: str = "expenses"

    def total(self) -> float:
        """The row's sum over all columns (kr.)."""
        return float(sum(self.values.values()))


@dataclass
class BudgetTable:
    """``years``: the budget year and three overslagsår; ``has_other``: an "other years"
    column is needed (amounts dated outside ``years``); ``has_none``: a "no year" column
    is needed (amounts without a year); amounts in kr. (outputs print them in 1.000 kr.)."""

    years: list[int]
    rows: list[BudgetRow] = field(default_factory=list)
    has_other: bool = False
    has_none: bool = False
    initiative_count: int = 0
    #: kr. of cost lines not split into anlæg and drift (their own row when not 0)
    unsplit: float = 0.0
    #: kr. of cash benefits whose kind is not given: not in the table (not budget-realisable)
    unknown_benefit: float = 0.0

    def columns(self) -> list[int | str]:
        """The value columns in order: the four years, then OTHER and NONE when needed."""
        return [*self.years, *([OTHER] if self.has_other else []),
                *([NONE] if self.has_none else [])]

    def row(self, label: str) -> BudgetRow:
        """The row with ``label``; raises KeyError."""
        for r in self.rows:
            if r.label == label:
                return r
        raise KeyError(label)


def budget_notes(table: BudgetTable, money: Callable[[float], str], unit: str) -> list[str]:
    """Sentences for under the budget table: what the row of costs not split into
    capital and operating is, and the benefits of unknown kind left out of it (with
    their sum, ``money`` formatting kr. in ``unit``, e.g. "1.000 kr."). Empty when the
    table has neither."""
    notes: list[str] = []
    if abs(table.unsplit) > 0.005:
        notes.append(_("Expenditure not split into capital and operating: the source gives "
                       "these amounts without saying whether they are capital or operating "
                       "expenditure (e.g. a whole-life cost), so they are shown apart and "
                       "not as operating."))
    if abs(table.unknown_benefit) > 0.005:
        notes.append(_("Benefits of {amount} {unit} whose kind the source does not state are "
                       "not counted as cash-releasing benefits and are not in the table.")
                     .format(amount=money(table.unknown_benefit), unit=unit))
    return notes


def build_budget_table(lines: Iterable[LineRecord], initiative_ids: Iterable[str],
                       budget_year: int, outside_frame: Iterable[str] = ()) -> BudgetTable:
    """The budget table of the given initiatives' cash lines.

    Rows: Anlæg, Drift (incl. afledt drift), Udgifter ikke fordelt på anlæg og drift
    (only when there are such costs), each followed by "heraf finansieret uden for
    rammen" when initiatives of ``outside_frame`` (mandatory, financed outside the frame,
    so the frames the bilag lists do not hold them) have such costs, Budgetrealiserbare
    gevinster (negative), Netto i alt; then the costs by financing source (with "uden for rammen" for initiatives
    financed outside the frame). Qualitative and non-cash benefits, benefits of unknown
    kind (summed in ``unknown_benefit``) and internal working time are left out (not
    cash, or not known to be).
    """
    ids = set(initiative_ids)
    outside = set(outside_frame)
    years = [budget_year + k for k in range(4)]
    capital: dict[int | str, float] = defaultdict(float)
    operating: dict[int | str, float] = defaultdict(float)
    unsplit: dict[int | str, float] = defaultdict(float)
    savings: dict[int | str, float] = defaultdict(float)
    financing: dict[str, dict[int | str, float]] = defaultdict(lambda: defaultdict(float))
    outside_rows: dict[str, dict[int | str, float]] = defaultdict(lambda: defaultdict(float))
    used: set[int | str] = set()
    unknown_benefit = 0.0
    for ln in lines:
        if ln.initiative_id not in ids or not ln.cash:
            continue
        col: int | str = (NONE if ln.budget_year is None else ln.budget_year  # type: ignore[assignment]
                          if ln.budget_year in years else OTHER)
        if ln.amount:
            used.add(col)
        if ln.flow == "cost":
            rows_by = {"anlaeg": capital, "drift": operating, "unsplit": unsplit}
            rows_by[line_key(ln.line_type)][col] += ln.amount
            if ln.initiative_id in outside:
                outside_rows[line_key(ln.line_type)][col] += ln.amount
            source = ln.financing.strip() or _("Not stated")
            if ln.initiative_id in outside:
                source = _("{source} (outside the frame)").format(source=source)
            financing[source][col] += ln.amount
        elif ln.benefit_kind == "budgetrealiserbar":
            savings[col] -= ln.amount  # mindreudgift: negative in budget tables
        elif ln.benefit_kind is None:
            unknown_benefit += ln.amount
    cols: list[int | str] = [*years, OTHER, NONE]

    def full(d: dict[int | str, float]) -> dict[int | str, float]:
        return {c: float(d.get(c, 0.0)) for c in cols}

    net = {c: capital.get(c, 0.0) + operating.get(c, 0.0) + unsplit.get(c, 0.0)
           + savings.get(c, 0.0) for c in cols}
    table = BudgetTable(years=years, has_other=OTHER in used, has_none=NONE in used,
                        initiative_count=len(ids),
                        unsplit=float(sum(unsplit.values())),
                        unknown_benefit=float(unknown_benefit))
    def of_which(key: str) -> list[BudgetRow]:
        # what the frames do not hold: the mandatory initiatives financed outside the frame
        row = outside_rows[key]
        if not any(abs(v) > 0.005 for v in row.values()):
            return []
        return [BudgetRow(_("of which financed outside the frame ({kind})").format(
            kind=kinds[key]), full(row))]

    kinds = {"anlaeg": _("capital"), "drift": _("operating"), "unsplit": _("not split")}
    table.rows = [
        BudgetRow(_("Capital expenditure"), full(capital)), *of_which("anlaeg"),
        BudgetRow(_("Operating expenditure (incl. derived operating)"), full(operating)),
        *of_which("drift"),
        *([BudgetRow(_("Expenditure not split into capital and operating"), full(unsplit)),
           *of_which("unsplit")]
          if any(abs(v) > 0.005 for v in unsplit.values()) else []),
        BudgetRow(_("Cash-releasing benefits (savings)"), full(savings)),
        BudgetRow(_("Net total"), full(net), kind="total"),
    ]
    for source in sorted(financing):
        table.rows.append(BudgetRow(source, full(financing[source]), section="financing"))
    if financing:
        fin_total = {c: sum(f.get(c, 0.0) for f in financing.values()) for c in cols}
        table.rows.append(BudgetRow(_("Expenditure financed in total"), full(fin_total),
                                    kind="total", section="financing"))
    return table
