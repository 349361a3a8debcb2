"""Texts and JSON of an import: what would be / was imported, unmapped columns, skipped
rows and every problem with row, column and reason."""

from __future__ import annotations

from typing import Any

from app.models.enums import Flow
from app.services.formatting import format_amount, format_number
from app.services.i18n import _, ngettext
from app.services.importing.plan import WARNING, ImportPlan, Problem
from app.services.importing.readers import SourceTable

#: initiatives listed one by one in a dry run
LIST_LIMIT = 30
#: problem lines printed on the command line (``--json`` keeps every problem)
PROBLEM_LIMIT = 50
#: the same problem in at least this many rows of a column is printed once, with its rows
GROUP_MIN = 3
#: row ranges written out in a grouped problem before "…"
ROW_RANGES_SHOWN = 8


def _totals(plan: ImportPlan, flow: str) -> tuple[int, float]:
    count, total = 0, 0.0
    total_field = "total_cost" if flow == Flow.COST.value else "total_benefit"
    for r in plan.records:
        lines = [ln.amount for ln in r.lines if ln.flow == flow]
        if lines:
            count += 1
            total += sum(lines)
        elif r.values.get(total_field) is not None:
            count += 1
            total += r.values[total_field]
    return count, total


def describe_source(table: SourceTable | None) -> str:
    """``gmpp.csv (CSV, utf-8, delimiter ";")`` or ``plan.xlsx [Projekter] (XLSX)``."""
    if table is None:
        return ""
    if table.kind == "csv":
        delim = {"\t": "tab"}.get(table.delimiter or ",", table.delimiter)
        return _("{file} (CSV, {encoding}, delimiter “{delimiter}”)").format(
            file=table.where, encoding=table.encoding, delimiter=delim)
    return _("{file} (XLSX, header in row {row})").format(file=table.where, row=table.header_row)


def summary_lines(plan: ImportPlan, table: SourceTable | None, *, dry_run: bool,
                  problems: bool = True, records_last: bool = False) -> list[str]:
    """The human-readable report of an import (or of a dry run: "would import", with the
    first ``LIST_LIMIT`` initiatives listed one by one after the count, or at the end when
    ``records_last``, as the import wizard shows it: the totals, new units and unmapped
    columns stay in view above a long list). ``problems``: append every problem."""
    out: list[str] = []
    if table is not None:
        out.append(_("Source: {source}").format(source=describe_source(table)))
    if plan.restored:
        from app.services.exports.sheets import data_sheets

        # the tables by their sheet names in the output language, never the stored keys
        titles = {spec.key: spec.title for spec in data_sheets()}
        out.append(_("Restored from a Prioritise export: {counts}").format(
            counts=", ".join(f"{titles.get(k, k)} {format_number(v)}"
                             for k, v in plan.restored.items())))
        return out
    n = len(plan.records)
    head = (ngettext("Would import {n} initiative", "Would import {n} initiatives", n) if dry_run
            else ngettext("Imported {n} initiative", "Imported {n} initiatives", n))
    new, updated = len(plan.new_ids), len(plan.updated_ids)
    # two plurals: Danish says "1 ny, 1 opdateret" but "2 nye, 2 opdaterede"
    out.append(head.format(n=format_number(n)) + ": " + ", ".join((
        ngettext("{n} new", "{n} new", new).format(n=format_number(new)),
        ngettext("{n} updated", "{n} updated", updated).format(n=format_number(updated)))))
    if dry_run and not records_last:
        out.extend(_record_lines(plan))
    currency = plan.currency or "DKK"
    if plan.currency_was:
        out.append(_("The portfolio holds no amounts yet and takes the source's currency: "
                     "{was} → {currency}").format(was=plan.currency_was, currency=currency))
    for flow, label in ((Flow.COST.value, _("Cost")), (Flow.BENEFIT.value, _("Benefit"))):
        count, total = _totals(plan, flow)
        if count:
            out.append(ngettext("{label}: on {count} initiative, in all {total}",
                                "{label}: on {count} initiatives, in all {total}", count).format(
                label=label, count=format_number(count), total=format_amount(total, currency)))
    if plan.new_units:
        out.append(ngettext("New unit ({n}): {units}", "New units ({n}): {units}",
                            len(plan.new_units)).format(n=format_number(len(plan.new_units)),
                                                       units=", ".join(plan.new_units)))
    if plan.unmapped:
        out.append(_("Unmapped columns (ignored): {columns}").format(
            columns=", ".join(plan.unmapped)))
    if plan.skipped:
        out.append(ngettext("Skipped {n} row: {rows}", "Skipped {n} rows: {rows}",
                            len(plan.skipped)).format(
            n=format_number(len(plan.skipped)), rows=", ".join(str(r.row) for r in plan.skipped)))
    if dry_run and records_last and plan.records:
        out.append("")
        out.extend(_record_lines(plan))
    found = plan.all_problems() if problems else []
    if found:
        out.append(ngettext("{n} problem:", "{n} problems:", len(found)).format(
            n=format_number(len(found))))
        out.extend(f"  {line}" for line in problem_lines(found, rows=_row_count(table)))
    return out


def _row_count(table: SourceTable | None) -> int | None:
    return None if table is None else len(table.rows)


def row_ranges(rows: list[int], shown: int = ROW_RANGES_SHOWN) -> str:
    """Row numbers as ranges: [2, 3, 4, 7, 9, 10] → "2–4, 7, 9–10"; after ``shown``
    ranges "…"."""
    ranges: list[tuple[int, int]] = []
    for r in sorted(set(rows)):
        if ranges and r == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], r)
        else:
            ranges.append((r, r))
    parts = [str(a) if a == b else f"{a}–{b}" for a, b in ranges[:shown]]
    if len(ranges) > shown:
        parts.append("…")
    return ", ".join(parts)


def _grouped_text(first: Problem, rows: list[int], all_rows: int | None) -> str:
    where = _("column “{column}”").format(column=first.column) if first.column else ""
    message = " ".join(first.message.split())
    n = len(rows)
    if all_rows is not None and n == all_rows:
        count = ngettext("in the one row", "in all {n} rows", n).format(n=format_number(n))
    else:
        count = ngettext("in {n} row ({rows})", "in {n} rows ({rows})", n).format(
            n=format_number(n), rows=row_ranges(rows))
    text = f"{where}: {message} — {count}" if where else f"{message} — {count}"
    return (_("warning") + ": " + text) if first.severity == WARNING else text


def problem_lines(problems: list[Problem], *, limit: int | None = PROBLEM_LIMIT,
                  rows: int | None = None) -> list[str]:
    """The problems as lines for a person to read: the same message in the same column in
    ``GROUP_MIN`` or more rows is one line naming those rows ("column “id”: the id is
    missing — in all 244 rows"), placed where it first occurs; at most ``limit`` lines
    (None: all), then "… and N more problems". ``rows``: the source's data rows, so a
    problem in every row says so. A source read with the wrong mapping gives thousands of
    problems (DESIGN §9: all are reported — in full by ``--json``)."""
    groups: dict[tuple[str | None, str, str], list[Problem]] = {}
    for p in problems:
        if p.row is not None:
            groups.setdefault((p.column, p.message, p.severity), []).append(p)
    entries: list[tuple[str, int]] = []  # (line, problems it stands for)
    done: set[tuple[str | None, str, str]] = set()
    for p in problems:
        key = (p.column, p.message, p.severity)
        group = groups.get(key, []) if p.row is not None else []
        if len(group) >= GROUP_MIN:
            if key in done:
                continue
            done.add(key)
            entries.append((_grouped_text(p, [g.row for g in group if g.row is not None],
                                          rows), len(group)))
        else:
            entries.append((str(p), 1))
    if limit is None or len(entries) <= limit:
        return [line for line, _n in entries]
    rest = sum(n for _line, n in entries[limit:])
    return [line for line, _n in entries[:limit]] + [
        ngettext("… and {n} more problem (all of them: --json)",
                 "… and {n} more problems (all of them: --json)", rest).format(
            n=format_number(rest))]


def _record_lines(plan: ImportPlan, limit: int = LIST_LIMIT) -> list[str]:
    """`+ id  title` for a new initiative, `~ id  title` for an updated one."""
    new = set(plan.new_ids)
    named = [r for r in plan.records if r.id or r.title]  # not rows with neither (refused)
    lines = [f"  {'+' if r.id in new else '~'} {r.id or '–'}  {r.title or ''}".rstrip()
             for r in named[:limit]]
    if len(named) > limit:
        lines.append("  " + _("… and {n} more").format(n=format_number(len(named) - limit)))
    return lines


def problem_json(p: Problem) -> dict[str, Any]:
    return {"row": p.row, "column": p.column, "message": p.message, "severity": p.severity}


def plan_json(plan: ImportPlan, *, dry_run: bool, written: bool) -> dict[str, Any]:
    """The ``import --json`` document."""
    cost_n, cost = _totals(plan, Flow.COST.value)
    ben_n, ben = _totals(plan, Flow.BENEFIT.value)
    return {
        "source": plan.source, "kind": plan.kind, "dry_run": dry_run, "written": written,
        "currency": plan.currency, "initiatives": len(plan.records),
        "new": plan.new_ids, "updated": plan.updated_ids, "new_units": plan.new_units,
        "cost": {"initiatives": cost_n, "total": cost},
        "benefit": {"initiatives": ben_n, "total": ben},
        "unmapped_columns": plan.unmapped,
        "skipped_rows": [r.row for r in plan.skipped],
        "restored": plan.restored,
        "problems": [problem_json(p) for p in plan.all_problems()],
    }
