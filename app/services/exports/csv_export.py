"""The CSV export for Danish Excel (DESIGN §10): UTF-8 with BOM, ``;`` delimiter, decimal
comma, one row per initiative with its totals, and a fixed header that Prioritise
recognises (Danish or English, whichever language the export was made in).

Formula injection (DESIGN §9): a text cell starting with ``= + - @`` gets a leading ``'``
so no spreadsheet runs it; ``read_csv_export`` removes it again.
"""

from __future__ import annotations

import csv
from pathlib import Path

from app.services.errors import ValidationError
from app.services import labels
from app.services.exports.common import ExportHooks, neutralise_csv, restore_csv
from app.services.exports.content import ReportContent
from app.services.exports.records import InitiativeRecord, LineRecord, PortfolioDump, SettingsRecord, UnitRecord
from app.services.formatting import score_points
from app.services.i18n import _

#: the fixed columns: key, Danish header, English header
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "Id", "Id"),
    ("title", "Titel", "Title"),
    ("description", "Beskrivelse", "Description"),
    ("lead_department", "Ansvarlig forvaltning", "Lead unit"),
    ("departments", "Deltagende enheder", "Participating units"),
    ("phase", "Fase", "Phase"),
    ("kind", "Type", "Kind"),
    ("audience", "Målgruppe", "Audience"),
    ("mandatory", "Obligatorisk", "Mandatory"),
    ("outside_frame", "Uden for rammen", "Outside the frame"),
    ("confidential", "Fortrolig", "Confidential"),
    ("start_date", "Startdato", "Start date"),
    ("end_date", "Slutdato", "End date"),
    ("project_owner", "Projektejer", "Project owner"),
    ("financing", "Finansiering", "Financing"),
    ("currency", "Valuta", "Currency"),
    ("total_cost", "Udgifter i alt", "Cost in total"),
    ("total_benefit", "Gevinster i alt", "Benefits in total"),
    ("internal_fte", "Interne ressourcer (årsværk)", "Internal resources (FTE)"),
    ("requires", "Forudsætter", "Requires"),
    ("rank", "Rang", "Rank"),
    ("score", "Score (0–100)", "Score (0–100)"),
    ("recommended", "Anbefalet", "Recommended"),
)
HEADER_DA = [c[1] for c in COLUMNS]
HEADER_EN = [c[2] for c in COLUMNS]
KEYS = [c[0] for c in COLUMNS]
#: the score column's header before scores were written in points (0–1 then); such a
#: file still reads back (the score is not restored, it is computed)
_OLD_SCORE = "Score"


def _number(value: float | None, decimals: int) -> str:
    """A number as Danish Excel reads it: decimal comma, no grouping; None → ''."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    if decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _date(value) -> str:
    return value.strftime("%d-%m-%Y") if value is not None else ""


def build_csv(c: ReportContent, out: Path, *, hooks: ExportHooks | None = None) -> None:
    """Write one row per visible initiative of ``c`` to ``out`` (caller makes it atomic)."""
    hooks = hooks or ExportHooks()
    ranks = {r.id: r for r in c.ranking}
    header = HEADER_DA if c.lang == "da" else HEADER_EN
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for k, ini in enumerate(c.initiatives.values()):
            if k % 200 == 0:
                hooks.step(0.3 + 0.6 * k / max(1, len(c.initiatives)), _("Writing rows"))
            r = ranks.get(ini.id)
            rec = "" if r is None or r.selected is None else labels.yes_no(bool(r.selected))
            row = [
                ini.id, ini.title, ini.description, ini.lead_department,
                "; ".join(ini.departments[1:]), labels.phase(ini.phase), labels.kind(ini.kind),
                labels.audience(ini.audience), labels.yes_no(ini.mandatory),
                labels.yes_no(ini.outside_frame), labels.yes_no(ini.confidential),
                _date(ini.start_date), _date(ini.end_date), ini.project_owner, ini.financing,
                c.currency, _number(ini.total_cost, 2), _number(ini.total_benefit, 2),
                _number(ini.internal_fte, 2), "; ".join(ini.requires),
                str(r.rank) if r else "", _number(score_points(r.score), 1) if r else "", rec,
            ]
            w.writerow([neutralise_csv(v) for v in row])


def _first_line(path: Path) -> str:
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        return fh.readline().rstrip("\r\n")


def is_prioritise_csv(path: Path) -> bool:
    """True when the first line is the fixed header (Danish or English)."""
    line = _first_line(path)
    known = []
    for header in (HEADER_DA, HEADER_EN):
        known.append(";".join(header))
        known.append(";".join(_OLD_SCORE if k == "score" else h for k, h in zip(KEYS, header)))
    return line in known


def read_csv_export(path: Path) -> PortfolioDump:
    """Read a CSV export back: initiatives' main fields and totals (one cost and one benefit
    line without a year), units by name. Raises ``ValidationError`` with every problem
    (row numbers as the spreadsheet shows them, the header being row 1)."""
    from app.services.formatting import parse_date, parse_number

    if not is_prioritise_csv(path):
        raise ValidationError(_("{file} is not a CSV file exported by Prioritise").format(
            file=path.name))
    problems: list[str] = []
    dump = PortfolioDump(settings=None, partial=True)  # type: ignore[arg-type]
    units: dict[str, UnitRecord] = {}
    reverse = {kind: labels.reverse(kind) for kind in ("phase", "kind", "audience")}
    yes = {"ja", "yes"}
    currency = None
    seen: dict[str, int] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=";")
        next(reader)
        for n, raw in enumerate(reader, start=2):
            if not any(cell.strip() for cell in raw):
                continue
            if len(raw) != len(KEYS):
                problems.append(_("{file}, row {row}: {n} columns, expected {m}").format(
                    file=path.name, row=n, n=len(raw), m=len(KEYS)))
                continue
            v = {k: restore_csv(x) for k, x in zip(KEYS, raw)}
            where = _("{file}, row {row}").format(file=path.name, row=n)
            if v["id"] in seen:
                problems.append(_("{where}: the id {id} also occurs in row {other}").format(
                    where=where, id=v["id"], other=seen[v["id"]]))
                continue
            seen[v["id"]] = n
            try:
                codes = {k: reverse[k][v[k].strip().casefold()] for k in reverse}
            except KeyError as exc:
                problems.append(_("{where}: unknown value {value}").format(where=where, value=exc))
                continue
            try:
                cost = parse_number(v["total_cost"], decimal=",") if v["total_cost"] else None
                benefit = parse_number(v["total_benefit"], decimal=",") if v["total_benefit"] else None
                start = parse_date(v["start_date"]) if v["start_date"] else None
                end = parse_date(v["end_date"]) if v["end_date"] else None
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
                continue
            currency = currency or v["currency"] or None

            def unit_code(name: str) -> str | None:
                if not name:
                    return None
                if name not in units:
                    code = f"U{len(units) + 1:03d}"
                    units[name] = UnitRecord(code, name, "forvaltning", None, len(units))
                return units[name].code

            lead = unit_code(v["lead_department"])
            parts = [unit_code(x.strip()) for x in v["departments"].split(";") if x.strip()]
            dump.initiatives.append(InitiativeRecord(
                id=v["id"], title=v["title"], description=v["description"],
                lead_unit_code=lead, unit_codes=[p for p in parts if p], phase=codes["phase"],
                kind=codes["kind"], audience=codes["audience"], maturity_level=None,
                project_owner=v["project_owner"], project_manager="", benefit_owner="",
                system_owner="", start_date=start, end_date=end, baseline_end_date=None,
                mandatory=v["mandatory"].casefold() in yes,
                outside_frame=v["outside_frame"].casefold() in yes,
                confidential=v["confidential"].casefold() in yes, financing=v["financing"],
                note="", discount_rate=None, horizon_years=None, price_base_year=None,
                full_business_case=None))
            for flow, amount in (("cost", cost), ("benefit", benefit)):
                if amount is not None:
                    dump.lines.append(LineRecord(
                        # totals: a cost not split into anlæg/drift (""), a benefit of
                        # kinds not known (the total may mix cash-releasing and others)
                        v["id"], flow, None, "" if flow == "cost" else "drift", False,
                        "andet", v["financing"], amount, None, None, True, None, None,
                        None, None, ""))
            from app.services.exports.records import DependencyRecord

            for req in (x.strip() for x in v["requires"].split(";")):
                if req:
                    dump.dependencies.append(DependencyRecord(v["id"], req, ""))
    if problems:
        raise ValidationError(_("{file} cannot be imported").format(file=path.name), problems)
    dump.units = list(units.values())
    dump.settings = SettingsRecord("", "", "", currency or "DKK", 0, 0, 0.035, 5, 10_000_000.0)
    return dump
