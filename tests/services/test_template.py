"""The project-proposal template: Danish headers, drop-down lists, instructions, and a
filled template imports with no mapping (issue 3)."""

from __future__ import annotations

from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import select

from app.models import Assessment, Criterion, Dependency, Initiative
from app.services.i18n import set_language
from app.services.importing import import_source
from app.services.store import open_portfolio
from app.services.template import MARKER_SHEET, recognise, write_template


def _fill(path, rows):
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    for r, values in enumerate(rows, start=2):
        for header, value in values.items():
            ws.cell(row=r, column=headers.index(header) + 1, value=value)
    wb.save(path)
    return headers


def test_template_sheets_headers_and_dropdowns(tmp_path):
    set_language("da")
    out = write_template(tmp_path / "skabelon.xlsx", budget_year=2027,
                         units=["Børn og Unge", "Borgerservice"])
    wb = load_workbook(out)
    assert [c.value for c in wb["Lister"]["A"]][:3] == ["Enheder (udfyldes)", "Børn og Unge",
                                                       "Borgerservice"]
    assert wb.sheetnames[:3] == ["Projektforslag", "Vejledning", "Lister"]
    assert wb[MARKER_SHEET].sheet_state == "hidden"
    headers = [c.value for c in wb["Projektforslag"][1]]
    assert {"Titel", "Ansvarlig enhed", "Fase", "Anlæg 2027 (kr.)", "Drift 2030 (kr.)",
            "Budgetrealiserbar gevinst 2028 (kr.)", "Borgerværdi (0–4)", "Risiko og gennemførlighed (0–4)"} <= set(headers)
    formulas = {dv.formula1 for dv in wb["Projektforslag"].data_validations.dataValidation}
    assert len(formulas) >= 6 and any("Lister" in f for f in formulas)
    lists = [c.value for c in wb["Lister"]["B"]]
    assert "Projektforslag" in lists and "Sat i bero" in lists
    guide = "\n".join(str(c.value or "") for c in wb["Vejledning"]["A"])
    assert "scoringsvejledning" in guide and "meget stor" in guide


def test_filled_template_imports_without_mapping(tmp_path, portfolio_path):
    set_language("da")
    out = write_template(tmp_path / "forslag.xlsx", budget_year=2027)
    _fill(out, [
        {"Titel": "Digital pladsanvisning", "Ansvarlig enhed": "Børn og Unge",
         "Deltagende enheder (adskilt med ;)": "Borgerservice; Økonomi",
         "Fase": "Projektforslag", "Type": "Udvikling", "Målgruppe": "Borgerrettet",
         "Startdato": datetime(2027, 3, 1), "Slutdato": "31.12.2027",
         "Anlæg 2027 (kr.)": 400000, "Drift 2028 (kr.)": 90000, "Budgetrealiserbar gevinst 2028 (kr.)": 150000,
         "Finansiering": "digitaliseringspulje", "Borgerværdi (0–4)": "3 – stor",
         "Økonomisk gevinst (kr./år)": 150000},
        {"Id (valgfrit)": "BUF-7", "Titel": "Ledelsesinformation", "Ansvarlig enhed": "Børn og Unge",
         "Fase": "Idé", "Forudsætter (id adskilt med ;)": None, "Parathed (0–4)": 2},
    ])
    assert recognise(out) is not None
    result = import_source(portfolio_path, out)
    assert result.plan.kind == "template" and len(result.plan.records) == 2
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        got = {i.title: i for i in s.scalars(select(Initiative))}
        first = got["Digital pladsanvisning"]
        assert first.id.startswith("IMP-") and got["Ledelsesinformation"].id == "BUF-7"
        assert first.lead_unit.name == "Børn og Unge"
        assert sorted(u.name for u in first.units) == ["Borgerservice", "Økonomi"]
        assert (first.phase, first.kind, first.audience) == ("proposal", "development", "citizen")
        assert first.end_date.isoformat() == "2027-12-31"
        lines = sorted((ln.flow, ln.budget_year, ln.line_type, ln.amount) for ln in first.lines)
        assert lines == [("benefit", 2028, "drift", 150000), ("cost", 2027, "anlaeg", 400000),
                         ("cost", 2028, "drift", 90000)]
        # the template asks for budget-realisable benefits: they count as savings
        assert [ln.benefit_kind for ln in first.lines if ln.flow == "benefit"] == [
            "budgetrealiserbar"]
        scores = {(s.get(Criterion, a.criterion_id).key, a.assessor): a.value
                  for a in s.scalars(select(Assessment))}
        assert scores[("citizen_value", "proposer")] == 3
        assert scores[("economic_benefit", "proposer")] == 150000
        assert scores[("readiness", "proposer")] == 2
        assert s.scalars(select(Dependency)).all() == []


def test_template_requires_title_and_lead_unit(tmp_path, portfolio_path):
    import pytest

    from app.services.importing import ImportRefused

    set_language("da")
    out = write_template(tmp_path / "mangler.xlsx", budget_year=2027)
    _fill(out, [{"Titel": "Uden enhed", "Fase": "Idé"}])
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, out)
    assert len(info.value.problems) == 1
    assert "række 2" in info.value.problems[0] and "Ansvarlig enhed" in info.value.problems[0]
    assert not portfolio_path.exists()


def test_english_template_also_imports(tmp_path, portfolio_path):
    set_language("en")
    try:
        out = write_template(tmp_path / "proposals.xlsx", budget_year=2028)
        _fill(out, [{"Title": "Chatbot", "Lead unit": "Citizen Service", "Phase": "Idea"}])
    finally:
        set_language("da")
    import_source(portfolio_path, out)
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        (ini,) = s.scalars(select(Initiative)).all()
        assert ini.title == "Chatbot" and ini.phase == "idea"


def test_template_cli(cli, tmp_path):
    r = cli("template", str(tmp_path / "t.xlsx"))
    assert r.returncode == 0, r.stderr
    assert load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "Projektforslag"
    assert cli("template", str(tmp_path / "t.csv")).returncode == 2



def test_the_template_states_the_price_base_the_bilag_states(tmp_path):
    """The bilag says "i 2026-priser" (the portfolio's price base year); the template for
    budget 2027 must ask for the same prices, not the budget year's."""
    set_language("da")
    out = write_template(tmp_path / "t.xlsx", budget_year=2027, price_base_year=2026)
    text = " ".join(str(c.value) for c in load_workbook(out)["Vejledning"]["A"] if c.value)
    assert "2026-priser" in text and "2027-priser" not in text
    assert "budgetåret 2027" in text


def test_amounts_typed_as_text_read_in_the_template_language(tmp_path, portfolio_path):
    """A Danish template reads "40.000" typed as text as 40000 (not refused as ambiguous),
    and refuses "2.5" rather than read 25; an English one reads "40,000" as 40000."""
    import pytest

    from app.services.importing import ImportRefused

    set_language("da")
    out = write_template(tmp_path / "tekst.xlsx", budget_year=2027)
    _fill(out, [{"Titel": "Tal som tekst", "Ansvarlig enhed": "Borgerservice",
                 "Drift 2028 (kr.)": "40.000", "Budgetrealiserbar gevinst 2029 (kr.)": "1.234,50"}])
    import_source(portfolio_path, out)
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        (ini,) = s.scalars(select(Initiative)).all()
        assert sorted((ln.flow, ln.amount) for ln in ini.lines) == [("benefit", 1234.5),
                                                                     ("cost", 40000)]
    wrong = write_template(tmp_path / "punktum.xlsx", budget_year=2027)
    _fill(wrong, [{"Titel": "Engelsk decimal", "Ansvarlig enhed": "Borgerservice",
                   "Anlæg 2027 (kr.)": "2.5"}])
    with pytest.raises(ImportRefused) as info:
        import_source(tmp_path / "ny.portfolio", wrong)
    assert len(info.value.problems) == 1 and "2.5" in info.value.problems[0]
    assert not (tmp_path / "ny.portfolio").exists()
    set_language("en")
    try:
        english = write_template(tmp_path / "english.xlsx", budget_year=2027, lang="en")
        _fill(english, [{"Title": "Text amounts", "Lead unit": "Citizen Service",
                         "Operating 2028 (DKK)": "40,000"}])
        import_source(tmp_path / "en.portfolio", english)
    finally:
        set_language("da")
    with open_portfolio(tmp_path / "en.portfolio", readonly=True) as pf, pf.read() as s:
        (ini,) = s.scalars(select(Initiative)).all()
        assert [ln.amount for ln in ini.lines] == [40000]


def test_each_choice_column_has_its_own_drop_down(tmp_path):
    """Units, phases and every 0–4 scale column offer their list (not merely some list)."""
    from openpyxl.utils import get_column_letter

    set_language("da")
    out = write_template(tmp_path / "t.xlsx", budget_year=2027, units=["Børn og Unge", "Skoler"])
    wb = load_workbook(out)
    ws, lists = wb["Projektforslag"], wb["Lister"]
    letter = {c.value: get_column_letter(c.column) for c in ws[1]}

    def offered(header: str) -> list[str]:
        col = letter[header]
        (dv,) = [dv for dv in ws.data_validations.dataValidation
                 if f"{col}2:{col}201" in str(dv.sqref).split()]
        sheet, cells = dv.formula1.split("!")
        assert sheet.strip("'") == "Lister"
        first, last = cells.replace("$", "").split(":")
        return [c.value for (c,) in lists[f"{first}:{last}"] if c.value is not None]

    assert offered("Ansvarlig enhed") == ["Børn og Unge", "Skoler"]
    assert offered("Fase")[:2] == ["Idé", "Projektforslag"] and len(offered("Fase")) == 9
    levels = ["0 – ingen", "1 – lille", "2 – middel", "3 – stor", "4 – meget stor"]
    scales = [h for h in letter if h.endswith("(0–4)")]
    assert len(scales) == 6 and all(offered(h) == levels for h in scales)
    assert offered("Obligatorisk (ja/nej)") == ["ja", "nej"]
    assert offered("Målgruppe") and offered("Type") and offered("Modenhedsniveau")


def test_importing_the_same_template_twice_warns_of_the_duplicates(tmp_path, portfolio_path):
    """Rows without an id get new ids, so a second import of the same filled template adds
    every proposal again: each such row is warned about, naming the initiative it repeats."""
    set_language("da")
    out = write_template(tmp_path / "to.xlsx", budget_year=2027)
    _fill(out, [{"Titel": "Chatbot", "Ansvarlig enhed": "Borgerservice"},
                {"Titel": "Robot", "Ansvarlig enhed": "Økonomi"}])
    first = import_source(portfolio_path, out)
    assert [str(p) for p in first.plan.all_problems()] == []
    _fill(out, [{"Titel": " chatbot ", "Ansvarlig enhed": "Borgerservice"},
                {"Titel": "Ny robot", "Ansvarlig enhed": "Økonomi"}])
    again = import_source(portfolio_path, out)
    (warning,) = [str(p) for p in again.plan.all_problems()]
    assert warning.startswith("advarsel: række 2")
    assert "IMP-0001" in warning and "IMP-0003" in warning and "Id (valgfrit)" in warning
    assert sorted(again.plan.new_ids) == ["IMP-0003", "IMP-0004"]


def test_the_template_names_the_portfolios_currency_and_prices(tmp_path):
    """A GBP portfolio's template asked for "kr." ("Anlæg 2027 (kr.)", "hele kr.") and its
    amounts then imported as GBP: headers, instructions and mapping name its currency,
    and the prices in the words the bilag uses ("2026-priser")."""
    set_language("da")
    out = write_template(tmp_path / "gbp.xlsx", budget_year=2027, price_base_year=2026,
                         currency="GBP")
    wb = load_workbook(out)
    amounts = [c.value for c in wb["Projektforslag"][1] if c.value and "2027" in c.value]
    assert "Anlæg 2027 (GBP)" in amounts and "Budgetrealiserbar gevinst 2027 (GBP)" in amounts
    assert not any("kr." in h for h in amounts)
    text = " ".join(str(c.value) for c in wb["Vejledning"]["A"] if c.value)
    assert "hele GBP i 2026-priser" in text and "kroner" not in text
    assert recognise(out).currency == "GBP"
    dkk = write_template(tmp_path / "dkk.xlsx", budget_year=2027, price_base_year=2026)
    assert recognise(dkk).currency == "DKK"
    assert "Anlæg 2027 (kr.)" in [c.value for c in load_workbook(dkk)["Projektforslag"][1]]


def test_a_level_outside_the_scale_names_the_allowed_levels(tmp_path, portfolio_path):
    """"5 – enorm" in a 0–4 column was refused as "er ikke et tal"; the message names the
    levels the column allows."""
    import pytest

    from app.services.importing import ImportRefused

    set_language("da")
    out = write_template(tmp_path / "niveau.xlsx", budget_year=2027)
    _fill(out, [{"Titel": "For stor", "Ansvarlig enhed": "Borgerservice",
                 "Borgerværdi (0–4)": "5 – enorm"}])
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, out)
    (problem,) = info.value.problems
    assert "5 – enorm" in problem and "ikke et tal" not in problem
    assert "0 – ingen" in problem and "4 – meget stor" in problem


def test_money_criterion_names_the_portfolio_currency(tmp_path):
    """A GBP portfolio's template writes "Økonomisk gevinst (GBP/år)" and "(GBP pr. år)",
    not the kroner the default criterion is stored with; DKK keeps "kr./år"."""
    set_language("da")
    gbp = load_workbook(write_template(tmp_path / "g.xlsx", budget_year=2027, currency="GBP"))
    headers = [c.value for c in gbp["Projektforslag"][1]]
    assert "Økonomisk gevinst (GBP/år)" in headers
    guide = "\n".join(str(c.value or "") for c in gbp["Vejledning"]["A"])
    assert "(GBP pr. år)" in guide and "kr." not in guide + "".join(map(str, headers))
    dkk = load_workbook(write_template(tmp_path / "d.xlsx", budget_year=2027))
    assert "Økonomisk gevinst (kr./år)" in [c.value for c in dkk["Projektforslag"][1]]
