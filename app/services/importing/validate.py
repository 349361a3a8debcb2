"""Build an import plan: convert every row, then check the source as a whole against the
portfolio (DESIGN §9): duplicate ids (naming both rows), titles of new initiatives,
prerequisites that exist, self-dependencies and cycles (the whole cycle named), the
currency, mapped columns that are absent, formulas without a cached value. All problems
are collected; nothing is written here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    BudgetFrame,
    BusinessCaseLine,
    Criterion,
    Dependency,
    Initiative,
    OrgUnit,
    PortfolioSettings,
)
from app.models.enums import CriterionKind, Flow
from app.services.defaults import DEFAULT_CRITERIA
from app.services.economics import UNSTATED_PRICE_FIELD
from app.services.i18n import _, ngettext
from app.services.importing.convert import (
    CriterionInfo,
    convert_row,
    prepare_columns,
    source_of,
)
from app.services.importing.mapping import Mapping
from app.services.importing.plan import WARNING, ImportPlan, ImportRecord, Problem
from app.services.importing.readers import SourceTable

GENERATED_PREFIX = "IMP-"


@dataclass
class PortfolioState:
    """What validation needs to know of the target portfolio (empty for a new one)."""

    currency: str | None
    ids: set[str] = field(default_factory=set)
    dependencies: list[tuple[str, str]] = field(default_factory=list)
    criteria: dict[str, CriterionInfo] = field(default_factory=dict)
    units: set[str] = field(default_factory=set)  # codes and names
    #: casefolded, stripped title → id of an initiative already in the portfolio
    titles: dict[str, str] = field(default_factory=dict)
    #: (initiative id, flow) of the initiatives that have business-case lines with a year
    yearly: set[tuple[str, str]] = field(default_factory=set)
    #: (initiative id, flow) of the initiatives that have business-case lines at all
    with_lines: set[tuple[str, str]] = field(default_factory=set)
    #: the portfolio holds amounts in its currency (business-case lines or budget frames);
    #: one that holds none (a new, empty portfolio) takes the currency of the source
    holds_amounts: bool = False
    #: the year whose prices the portfolio's amounts are in (None: a new portfolio)
    price_base_year: int | None = None

    @classmethod
    def new(cls, currency: str | None) -> PortfolioState:
        """The state of a portfolio that the import will create (default criteria)."""
        crit = {c.name: CriterionInfo(c.name, c.kind.value) for c in DEFAULT_CRITERIA}
        crit.update({c.key: CriterionInfo(c.name, c.kind.value) for c in DEFAULT_CRITERIA})
        return cls(currency=currency, criteria=crit)

    @classmethod
    def load(cls, session: Session) -> PortfolioState:
        """The state of an existing portfolio."""
        settings = session.get(PortfolioSettings, 1)
        crit: dict[str, CriterionInfo] = {}
        for c in session.scalars(select(Criterion).where(Criterion.kind != CriterionKind.GROUP.value)):
            crit[c.name] = crit[c.key] = CriterionInfo(c.name, c.kind)
        units: set[str] = set()
        for code, name in session.execute(select(OrgUnit.code, OrgUnit.name)):
            units.update((code, name))
        titles: dict[str, str] = {}
        ids: set[str] = set()
        for iid, title in session.execute(select(Initiative.id, Initiative.title)
                                          .order_by(Initiative.id)):
            ids.add(iid)
            titles.setdefault(" ".join((title or "").split()).casefold(), iid)
        yearly: set[tuple[str, str]] = set()
        with_lines: set[tuple[str, str]] = set()
        for iid, flow, yearly_line in session.execute(
                select(BusinessCaseLine.initiative_id, BusinessCaseLine.flow,
                       BusinessCaseLine.budget_year.is_not(None)).distinct()):
            with_lines.add((iid, flow))
            if yearly_line:
                yearly.add((iid, flow))
        amounts = bool(with_lines) or session.scalar(select(BudgetFrame.id).limit(1)) is not None
        return cls(
            currency=settings.currency if settings else None,
            price_base_year=settings.price_base_year if settings else None,
            ids=ids, titles=titles, holds_amounts=amounts, yearly=yearly,
            with_lines=with_lines,
            dependencies=[tuple(r) for r in session.execute(
                select(Dependency.initiative_id, Dependency.requires_id))],
            criteria=crit, units=units,
        )


def _file_problems(table: SourceTable, mapping: Mapping, state: PortfolioState) -> list[Problem]:
    problems: list[Problem] = []
    absent = list(dict.fromkeys(c.source for c in mapping.columns
                                if c.source not in table.columns))
    if len(absent) == 1:  # one problem, however many columns: the file's columns once
        problems.append(Problem(_("the mapping names column “{column}”, which {file} does not "
                                  "have; its columns are: {columns}").format(
            column=absent[0], file=table.where, columns=", ".join(table.columns))))
    elif absent:
        problems.append(Problem(ngettext(
            "the mapping names {n} column that {file} does not have: {missing}; its columns "
            "are: {columns}",
            "the mapping names {n} columns that {file} does not have: {missing}; its columns "
            "are: {columns}", len(absent)).format(
            n=len(absent), file=table.where, missing=", ".join(f"“{a}”" for a in absent),
            columns=", ".join(table.columns))))
    fields = mapping.fields()
    if "id" not in fields and "title" not in fields:
        problems.append(Problem(_("the mapping maps neither “id” nor “title”")))
    for spec in mapping.columns:
        if spec.kind == "score" and spec.field[6:].strip() not in state.criteria:
            names = sorted({c.name for c in state.criteria.values()})
            problems.append(Problem(_("“{field}”: the portfolio has no criterion of that name; "
                                      "its criteria are: {names}").format(
                field=spec.field, names=", ".join(names)), column=spec.source))
    if (mapping.currency and state.currency and mapping.currency != state.currency
            and state.holds_amounts):
        problems.append(Problem(_("the source is in {source} but the portfolio is in "
                                  "{portfolio}; nothing was imported").format(
            source=mapping.currency, portfolio=state.currency)))
    price_base = mapping.price_base
    if (isinstance(price_base, int) and state.price_base_year is not None
            and price_base != state.price_base_year and state.holds_amounts):
        problems.append(Problem(_("the mapping says the source's amounts are in {source} "
                                  "prices (\"price_base\") but the portfolio's are in {portfolio} "
                                  "prices; convert them first or import into another "
                                  "portfolio; nothing was imported").format(
            source=price_base, portfolio=state.price_base_year)))
    if table.suspect_quote is not None:
        row, col = table.suspect_quote
        problems.append(Problem(
            _("a quoted cell begins here and spans lines that look like the rest of its row "
              "or whole rows: check that no quote is missing, or rows below may have been "
              "read into this cell"), row,
            table.columns[col] if col < len(table.columns) else None, severity=WARNING))
    mapped = {table.columns.index(c.source) for c in mapping.columns if c.source in table.columns}
    for (row, col), ref in sorted(table.uncached.items()):
        if col in mapped:
            problems.append(Problem(
                _("cell {cell} holds a formula with no calculated value; open the file in "
                  "Excel, recalculate and save it, then import again").format(cell=ref),
                row, table.columns[col]))
    return problems


def _cycle_text(cycle: list[str], row_of: dict[str, int]) -> str:
    """``C-1 (row 2) → C-3 (row 4) → C-1``: each initiative with its row in the source, or
    "in the portfolio" for one the source does not hold (a cycle closed by an existing
    dependency), so the message names the rows even when grouped over all rows."""
    def named(iid: str) -> str:
        if iid in row_of:
            return _("{id} (row {row})").format(id=iid, row=row_of[iid])
        return _("{id} (in the portfolio)").format(id=iid)

    return " → ".join([*(named(i) for i in cycle), cycle[0]])


def _cross_checks(
    records: list[ImportRecord], mapping: Mapping, state: PortfolioState,
    skipped: dict[str, int] | None = None,
) -> dict[int, list[Problem]]:
    """Problems between rows, by row number (recomputed for each candidate set).
    ``skipped``: id → row of the rows already skipped (``--skip-invalid``), so a row that
    requires one of them is told so rather than that the id does not exist."""
    skipped = skipped or {}
    found: dict[int, list[Problem]] = defaultdict(list)
    id_col = source_of(mapping, "id")
    by_id: dict[str, list[ImportRecord]] = defaultdict(list)
    for r in records:
        if r.id:
            by_id[r.id].append(r)
    for iid, group in by_id.items():
        if len(group) > 1:
            rows = ", ".join(str(r.row) for r in group)
            for r in group:
                found[r.row].append(Problem(_("the id “{id}” appears more than once: rows "
                                              "{rows}").format(id=iid, rows=rows), r.row, id_col))
    for r in records:
        if r.id not in state.ids and not r.title:
            found[r.row].append(Problem(_("the title is missing (a new initiative needs one)"),
                                        r.row, source_of(mapping, "title")))
    if "requires" not in mapping.fields():
        return found
    req_col = source_of(mapping, "requires")
    known = state.ids | set(by_id)
    graph = nx.DiGraph()
    replaced = set(by_id)
    graph.add_edges_from((a, b) for a, b in state.dependencies if a not in replaced)
    row_of = {iid: group[0].row for iid, group in by_id.items()}
    for r in records:
        for req in r.requires:
            if req == r.id:
                found[r.row].append(Problem(_("“{id}” cannot require itself").format(id=req),
                                            r.row, req_col))
            elif req not in known and req in skipped:
                found[r.row].append(Problem(_("requires “{id}”, whose row {row} is skipped").format(
                    id=req, row=skipped[req]), r.row, req_col))
            elif req not in known:
                found[r.row].append(Problem(_("requires “{id}”, which is neither in the source "
                                              "nor in the portfolio").format(id=req), r.row, req_col))
            elif r.id:
                graph.add_edge(r.id, req)
    for component in nx.strongly_connected_components(graph):
        if len(component) < 2:
            continue
        cycle = [a for a, _b in nx.find_cycle(graph.subgraph(component))]
        text = _("the dependencies form a cycle: {cycle}").format(cycle=_cycle_text(cycle, row_of))
        for iid in cycle:
            if iid in row_of:
                found[row_of[iid]].append(Problem(text, row_of[iid], req_col))
    return found


def _generate_ids(records: list[ImportRecord], state: PortfolioState,
                  taken_in_source: set[str] | None = None) -> None:
    taken = set(state.ids) | (taken_in_source or set())
    n = 0
    for r in records:
        while True:
            n += 1
            candidate = f"{GENERATED_PREFIX}{n:04d}"
            if candidate not in taken:
                break
        r.values["id"] = candidate
        taken.add(candidate)


def _same_title_warnings(records: list[ImportRecord], mapping: Mapping,
                         state: PortfolioState) -> None:
    """A row without an id gets a new one, so importing the same filled template twice
    would add every proposal twice: warn when the portfolio already has an initiative
    with the row's title (whitespace and case ignored), naming it."""
    id_col = source_of(mapping, "id")
    for r in records:
        title = r.values.get("title")
        existing = state.titles.get(" ".join(str(title).split()).casefold()) if title else None
        if not existing:
            continue
        text = _("the portfolio already has “{title}” ({existing}); this row is added as a "
                 "new initiative {new}").format(title=title, existing=existing, new=r.id)
        hint = (_("to update {existing} instead, write its id in the column “{column}”").format(
                    existing=existing, column=id_col) if id_col else
                _("to update {existing} instead, map a column holding its id to the id").format(
                    existing=existing))
        r.problems.append(Problem(f"{text}; {hint}", r.row, source_of(mapping, "title"),
                                  severity=WARNING))


def _yearly_lines_replaced_warnings(records: list[ImportRecord], mapping: Mapping,
                                    state: PortfolioState) -> None:
    """DESIGN §9: a re-import replaces the lines of the flows it maps. When a source gives
    only a total for an initiative whose lines in the portfolio are split by budget year,
    the budget-form economy (and its place under yearly frames) gives way to one line
    without a year; when its cell is blank (missing, never zero), the lines go: warn,
    naming the initiative, so that a dry run shows it first."""
    fields = mapping.fields()
    for flow, total_field in ((Flow.COST.value, "total_cost"),
                              (Flow.BENEFIT.value, "total_benefit")):
        if total_field not in fields:
            continue
        for r in records:
            if any(ln.flow == flow for ln in r.lines):
                continue  # the source has yearly lines of its own
            cost = flow == Flow.COST.value
            if r.values.get(total_field) is None:
                if (r.id, flow) not in state.with_lines:
                    continue
                text = (_("{id}: its cost lines are removed, as the source's cost is blank")
                        if cost else
                        _("{id}: its benefit lines are removed, as the source's benefit is "
                          "blank")).format(id=r.id)
            elif (r.id, flow) in state.yearly:
                text = (_("{id}: its cost lines per budget year are replaced by one total "
                          "without a year (it then fits no yearly budget frame)") if cost else
                        _("{id}: its benefit lines per budget year are replaced by one total "
                          "without a year")).format(id=r.id)
            else:
                continue
            r.problems.append(Problem(text, r.row, source_of(mapping, total_field),
                                      severity=WARNING))


def _price_base_notes(records: list[ImportRecord], mapping: Mapping) -> None:
    """A mapping whose ``price_base`` is "nominal" or "not_stated" says the amounts are
    in no one year's prices: each initiative with an amount gets a note on its
    ``price_base_year`` saying so (the outputs then do not claim the portfolio's price
    base for it; ``economics.UNSTATED_PRICE_FIELD``)."""
    if mapping.price_base not in ("nominal", "not_stated"):
        return
    text = (_("the source's amounts are in current prices of each year (nominal), not in "
              "one year's prices") if mapping.price_base == "nominal" else
            _("the source does not state which year's prices its amounts are in"))
    for r in records:
        if r.lines or r.values.get("total_cost") is not None \
                or r.values.get("total_benefit") is not None:
            r.notes.append((UNSTATED_PRICE_FIELD, text))


def build_plan(
    table: SourceTable, mapping: Mapping, state: PortfolioState, *, skip_invalid: bool = False,
) -> ImportPlan:
    """Convert and check the whole source; returns the plan with every problem.

    With ``skip_invalid`` rows with errors (and rows that depend on them) are moved to
    ``plan.skipped``; file-level problems always refuse the import.
    """
    fields = mapping.fields()
    mapped = {c.source for c in mapping.columns}
    plan = ImportPlan(
        source=table.where, records=[], columns=list(table.columns),
        unmapped=[c for c in table.columns if c not in mapped],
        currency=mapping.currency or state.currency, fields=fields,
        problems=_file_problems(table, mapping, state),
        score_columns=[(c.field, c.assessor) for c in mapping.columns if c.kind == "score"],
        currency_was=(state.currency if mapping.currency and state.currency
                      and mapping.currency != state.currency and not state.holds_amounts
                      else None),
        price_base=mapping.price_base,
    )
    prepared = prepare_columns(table.columns, mapping, state.criteria)
    records = [convert_row(row, table.columns, mapping, state.criteria, prepared)
               for row in table.rows]
    if "id" not in fields or mapping.generate_ids:
        unnamed = [r for r in records if not r.id]
        _generate_ids(unnamed, state, {r.id for r in records if r.id})
        _same_title_warnings(unnamed, mapping, state)
    candidates = records
    while True:
        cross = _cross_checks(candidates, mapping, state,
                              {r.id: r.row for r in plan.skipped if r.id})
        bad = [r for r in candidates if not r.ok or any(
            p.severity == "error" for p in cross.get(r.row, []))]
        if not skip_invalid or not bad:
            break
        candidates = [r for r in candidates if r not in bad]
        for r in bad:
            r.problems.extend(cross.get(r.row, []))
            plan.skipped.append(r)
    for r in candidates:
        r.problems.extend(cross.get(r.row, []))
    _yearly_lines_replaced_warnings(candidates, mapping, state)
    _price_base_notes(candidates, mapping)
    plan.records = candidates
    plan.skipped.sort(key=lambda r: r.row)
    plan.new_ids = [r.id for r in candidates if r.id not in state.ids]  # type: ignore[misc]
    plan.updated_ids = [r.id for r in candidates if r.id in state.ids]  # type: ignore[misc]
    seen: set[str] = set()
    for r in candidates:
        for name in [r.values.get("lead_department"), *r.departments]:
            if name and name not in state.units and name not in seen:
                seen.add(name)
                plan.new_units.append(name)
    return plan
