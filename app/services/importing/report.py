"""Texts and JSON of an import: what would be / was imported, unmapped columns, skipped
rows and every problem with row, column and reason."""

from __future__ import annotations

from typing import Any

from app.models.enums import Flow
from app.services.formatting import format_amount, format_number
from app.services.i18n import _, ngettext
from app.services.importing.plan import ImportPlan, Problem
from app.services.importing.readers import SourceTable

#: initiatives listed one by one in a dry run
LIST_LIMIT = 30


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
                  problems: bool = True) -> list[str]:
    """The human-readable report of an import (or of a dry run: "would import")."""
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
    out.append(head.format(n=n) + ": " + _("{new} new, {updated} updated").format(
        new=len(plan.new_ids), updated=len(plan.updated_ids)))
    if dry_run:
        out.extend(_record_lines(plan))
    currency = plan.currency or "DKK"
    for flow, label in ((Flow.COST.value, _("Cost")), (Flow.BENEFIT.value, _("Benefit"))):
        count, total = _totals(plan, flow)
        if count:
            out.append(ngettext("{label}: on {count} initiative, in all {total}",
                                "{label}: on {count} initiatives, in all {total}", count).format(
                label=label, count=count, total=format_amount(total, currency)))
    if plan.new_units:
        out.append(ngettext("New unit ({n}): {units}", "New units ({n}): {units}",
                            len(plan.new_units)).format(n=len(plan.new_units),
                                                       units=", ".join(plan.new_units)))
    if plan.unmapped:
        out.append(_("Unmapped columns (ignored): {columns}").format(
            columns=", ".join(plan.unmapped)))
    if plan.skipped:
        out.append(ngettext("Skipped {n} row: {rows}", "Skipped {n} rows: {rows}",
                            len(plan.skipped)).format(
            n=len(plan.skipped), rows=", ".join(str(r.row) for r in plan.skipped)))
    found = plan.all_problems() if problems else []
    if found:
        out.append(ngettext("{n} problem:", "{n} problems:", len(found)).format(n=len(found)))
        out.extend(f"  {p}" for p in found)
    return out


def _record_lines(plan: ImportPlan, limit: int = LIST_LIMIT) -> list[str]:
    """`+ id  title` for a new initiative, `~ id  title` for an updated one."""
    new = set(plan.new_ids)
    lines = [f"  {'+' if r.id in new else '~'} {r.id}  {r.title}".rstrip()
             for r in plan.records[:limit]]
    if len(plan.records) > limit:
        lines.append("  " + _("… and {n} more").format(n=len(plan.records) - limit))
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
