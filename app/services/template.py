"""The project-proposal template (projektforslag) for the forvaltninger (issue 3, DESIGN §10).

``write_template(path)`` writes an XLSX workbook: a sheet "Projektforslag" with one row per
proposal and drop-down lists (units, phases, kinds, audiences, maturity levels, the
criteria's levels 0–4 with their labels, ja/nej), an instructions sheet, a lists sheet
whose units column the digitalisation unit fills in, and a hidden sheet that carries the
import mapping of the headers, so a filled template imports with no mapping
(``recognise``). Amounts are kr. in the budget year and the three overslagsår; scores are
the proposer's own assessment (the agreed score is set later, DESIGN §7).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.models.enums import Assessor, BenefitKind, CriterionKind, LineType
from app.services.defaults import DEFAULT_CRITERIA, LEVEL_LABELS, shown_description, shown_unit
from app.services.i18n import _
from app.services.importing.choices import labels
from app.services.importing.mapping import Mapping, parse_mapping

MARKER_SHEET = "_prioritise"
MARKER = "prioritise-template"
VERSION = 1
ROWS = 200  # rows prepared with drop-down lists


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    spec: dict[str, Any]
    width: int = 16
    choices: str | None = None  # name of a list on the lists sheet
    help: str = ""


def _level_values() -> dict[str, int]:
    return {f"{i} – {label}": i for i, label in enumerate(LEVEL_LABELS)}


def columns(budget_year: int, currency: str = "DKK",
            lang: str | None = None) -> list[TemplateColumn]:
    """The template's columns, in order, for a budget year (+ three overslagsår); the
    amount headers name ``currency`` (ISO 4217) as ``lang`` writes it after an amount
    (``formatting.currency_unit``: "kr." for DKK in Danish, else the code)."""
    from app.services.formatting import currency_unit

    unit = currency_unit(currency, lang)
    years = range(budget_year, budget_year + 4)
    cols = [
        TemplateColumn(_("Id (optional)"), {"field": "id"}, 12,
                       help=_("Leave blank: the digitalisation unit gives the id.")),
        TemplateColumn(_("Title"), {"field": "title", "required": True}, 36),
        TemplateColumn(_("Description"), {"field": "description"}, 48),
        TemplateColumn(_("Lead unit"), {"field": "lead_department", "required": True}, 24,
                       "units"),
        TemplateColumn(_("Participating units (separated by ;)"),
                       {"field": "departments", "split": ";"}, 30),
        TemplateColumn(_("Phase"), {"field": "phase"}, 16, "phases"),
        TemplateColumn(_("Kind"), {"field": "kind"}, 12, "kinds"),
        TemplateColumn(_("Audience"), {"field": "audience"}, 14, "audiences"),
        TemplateColumn(_("Maturity level"), {"field": "maturity_level"}, 20, "maturity"),
        TemplateColumn(_("Project owner"), {"field": "owner"}, 20),
        TemplateColumn(_("Project manager"), {"field": "project_manager"}, 20),
        TemplateColumn(_("Start date"), {"field": "start_date"}, 12),
        TemplateColumn(_("End date"), {"field": "end_date"}, 12),
    ]
    for label, spec in ((_("Capital {year} ({unit})"), {"line_type": LineType.CAPITAL.value}),
                        (_("Operating {year} ({unit})"), {"line_type": LineType.OPERATING.value})):
        cols += [TemplateColumn(label.format(year=y, unit=unit), {"field": f"cost:{y}", **spec}, 14)
                 for y in years]
    # the proposal states the savings the budget can take out (budgetrealiserbare
    # gevinster); a benefit of no stated kind would count neither as savings nor as cost
    cols += [TemplateColumn(_("Budget-realisable benefit {year} ({unit})").format(year=y, unit=unit),
                            {"field": f"benefit:{y}", "benefit_kind": BenefitKind.CASH.value}, 16)
             for y in years]
    cols += [
        TemplateColumn(_("Financing"), {"field": "financing"}, 20, "financing"),
        TemplateColumn(_("Mandatory (yes/no)"), {"field": "mandatory"}, 12, "yesno"),
        TemplateColumn(_("Requires (ids separated by ;)"), {"field": "requires", "split": ";"}, 18),
    ]
    for spec in DEFAULT_CRITERIA:
        target = {"field": f"score:{spec.name}", "assessor": Assessor.PROPOSER.value}
        if spec.kind == CriterionKind.NUMERIC:
            cols.append(TemplateColumn(f"{spec.name} ({shown_unit(spec.unit_label, currency)})",
                                       target, 16))
        else:
            cols.append(TemplateColumn(f"{spec.name} (0–4)", {**target, "values": _level_values()},
                                       16, "levels"))
    cols.append(TemplateColumn(_("Remarks"), {"field": "note"}, 30))
    return cols


def template_mapping(budget_year: int, lang: str = "da", currency: str = "DKK") -> dict[str, Any]:
    """The DESIGN §10 mapping of the template's headers (stored in the hidden sheet);
    ``currency`` (ISO 4217) is the one the amount headers name, so an import into a
    portfolio of another currency says so (the import's currency check).

    ``decimal`` is the notation of the template's language (Danish "," as in 1.234,56;
    English "."), so an amount typed as text ("40.000" in a Danish template) reads as the
    forvaltning meant it instead of being refused as ambiguous, and "2.5" in a Danish
    template is refused, never read as 25 (DESIGN §9). Numbers typed as numbers in Excel
    are numeric cells and need no notation."""
    return {
        "name": _("Prioritise project-proposal template"),
        "sheet": _("Proposals"),
        "header_row": 1,
        "decimal": "," if lang == "da" else ".",
        "generate_ids": True,
        "currency": currency,
        "columns": {c.header: c.spec for c in columns(budget_year, currency, lang)},
    }


def _lists(lang: str, units: Sequence[str]) -> dict[str, tuple[str, list[str]]]:
    return {
        "units": (_("Units (fill in)"), list(units)),
        "phases": (_("Phases"), labels("phase", lang)),
        "kinds": (_("Kinds"), labels("kind", lang)),
        "audiences": (_("Audiences"), labels("audience", lang)),
        "maturity": (_("Maturity levels"), labels("maturity_level", lang)),
        "levels": (_("Levels"), list(_level_values())),
        "yesno": (_("Yes/no"), [_("yes"), _("no")]),
        "financing": (_("Financing"), [_("digitalisation pool"), _("the forvaltning's frame"),
                                       _("investment pool"), "DUT", _("external pool")]),
    }


def _instructions(budget_year: int, price_base_year: int, currency: str, lang: str) -> list[str]:
    from app.services.economics import PriceBasis
    from app.services.formatting import currency_unit

    # the prices as the budget view and the bilag name them ("2026 prices")
    prices = PriceBasis(year=price_base_year, unstated=0, total=0).phrase()
    return [
        _("Project proposals for the digitalisation portfolio, budget {year}").format(year=budget_year),
        "",
        _("Fill in one row per proposal on the sheet “{sheet}”. Do not rename the headers "
          "or the sheets: Prioritise reads the file as it is.").format(sheet=_("Proposals")),
        _("Title and lead unit are required. Choose phase, kind, audience and levels in the "
          "drop-down lists."),
        _("Amounts are whole {unit} in {prices}, for the budget year {year} "
          "and the three outline years. Capital and operating costs apart; budget-realisable "
          "benefits (savings the budget can take out) as positive amounts; other gains, such "
          "as freed time, are described in the proposal. Internal working time is not entered "
          "as a cost.").format(
            unit=currency_unit(currency, lang), prices=prices, year=budget_year),
        _("Scores are your own assessment on the fixed scales below; the digitalisation "
          "unit agrees the final assessment with you."),
        _("Dates as 31.12.2027. Several units or prerequisites: separate them with ;."),
        "",
        _("Scales (scoring guide):"),
    ]


def write_template(path: Path, *, budget_year: int | None = None,
                   price_base_year: int | None = None, lang: str = "da",
                   units: Sequence[str] = (), currency: str = "DKK") -> Path:
    """Write the template workbook to ``path`` (.xlsx). ``budget_year`` defaults to next
    year; ``price_base_year`` is the year whose prices the amounts are in — give the
    portfolio's (``PortfolioSettings.price_base_year``, the one the bilag states), else
    the current year, as a new portfolio has it (``defaults.py``). ``currency`` (ISO 4217,
    the portfolio's ``PortfolioSettings.currency``) is the one the amount headers and the
    instructions name and the hidden mapping carries. ``units`` pre-fills the
    units list (e.g. the open portfolio's unit names; the list has room for 100 and can be
    filled in by hand). Returns the path. Raises ``UserError`` naming ``path`` when it
    cannot be written or is a portfolio, a lock file, a folder or a device
    (``exports.common.atomic_output``; a symbolic link is followed and its target checked
    the same way)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    year = budget_year or date.today().year + 1
    prices = price_base_year or date.today().year
    cols = columns(year, currency, lang)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Proposals")
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F4E79")
    for i, col in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=i, value=col.header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = "C2"
    lists_ws = wb.create_sheet(_("Lists"))
    ranges: dict[str, str] = {}
    for j, (key, (title, items)) in enumerate(_lists(lang, units).items(), start=1):
        letter = get_column_letter(j)
        lists_ws.cell(row=1, column=j, value=title).font = Font(bold=True)
        lists_ws.column_dimensions[letter].width = 28
        for k, item in enumerate(items, start=2):
            lists_ws.cell(row=k, column=j, value=item)
        last = max(101, len(items) + 1) if key == "units" else len(items) + 1
        ranges[key] = f"{quote_sheetname(lists_ws.title)}!${letter}$2:${letter}${last}"
    for i, col in enumerate(cols, start=1):
        if not col.choices:
            continue
        strict = col.choices not in ("units", "financing")
        dv = DataValidation(type="list", formula1=ranges[col.choices], allow_blank=True,
                            showErrorMessage=strict)
        letter = get_column_letter(i)
        dv.add(f"{letter}2:{letter}{ROWS + 1}")
        ws.add_data_validation(dv)
    info = wb.create_sheet(_("Instructions"), 1)
    info.column_dimensions["A"].width = 110
    lines = _instructions(year, prices, currency, lang)
    for spec in DEFAULT_CRITERIA:
        lines.append("")
        lines.append(f"{spec.name}: "
                     f"{shown_description(spec.description, spec.unit_label, currency)}")
        for i, guide in enumerate(spec.guides or ()):
            lines.append(f"  {i} – {LEVEL_LABELS[i]}: {guide}")
    for r, text in enumerate(lines, start=1):
        c = info.cell(row=r, column=1, value=text)
        c.alignment = Alignment(wrap_text=True)
    info["A1"].font = Font(bold=True, size=14)
    marker = wb.create_sheet(MARKER_SHEET)
    marker["A1"], marker["B1"] = MARKER, VERSION
    marker["A2"] = json.dumps(template_mapping(year, lang, currency), ensure_ascii=False)
    marker.sheet_state = "hidden"
    from app.services.exports.common import atomic_output

    with atomic_output(path) as tmp:  # never over a portfolio, lock, folder or device
        wb.save(tmp)
    return path


def recognise(path: Path) -> Mapping | None:
    """The mapping of a filled template (from its hidden sheet), or None when ``path`` is
    not a Prioritise template."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return None
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook: not a template
        return None
    try:
        if MARKER_SHEET not in wb.sheetnames:
            return None
        ws = wb[MARKER_SHEET]
        cells = {c.coordinate: c.value for row in ws.iter_rows(max_row=2, max_col=2) for c in row
                 if hasattr(c, "coordinate")}
        if cells.get("A1") != MARKER or not cells.get("A2"):
            return None
        return parse_mapping(json.loads(str(cells["A2"])), where=_("the template"))
    finally:
        wb.close()
