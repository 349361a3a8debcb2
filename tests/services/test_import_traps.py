"""Every import rule of DESIGN §9, one small fixture per trap (tests/fixtures/import)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import BusinessCaseLine, Dependency, FieldNote, Initiative
from app.services.importing import ImportRefused, import_source
from app.services.store import open_portfolio

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _cols(**columns: str | dict) -> dict:
    return {c: (v if isinstance(v, dict) else {"field": v}) for c, v in columns.items()}


def _import(target: Path, name: str, mapping: dict, **kw):
    return import_source(target, FIX / name, mapping=mapping, **kw)


def _initiatives(target: Path) -> dict[str, Initiative]:
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        out = {i.id: i for i in s.scalars(select(Initiative))}
        for i in out.values():
            _ = i.lines, i.notes, i.lead_unit, i.units, i.assessments
        return out


def _refusal(target: Path, name: str, mapping: dict, **kw) -> list[str]:
    with pytest.raises(ImportRefused) as info:
        _import(target, name, mapping, **kw)
    assert not target.exists(), "a refused import must not create the portfolio"
    return info.value.problems


def test_cp1252_semicolon_danish_numbers(portfolio_path):
    mapping = {"decimal": ",", "columns": _cols(Id="id", Titel="title", Forvaltning="lead_department",
                                                Udgift="total_cost", Gevinst="total_benefit")}
    result = _import(portfolio_path, "cp1252_semicolon_danish.csv", mapping)
    assert result.table.encoding == "cp1252" and result.table.delimiter == ";"
    ini = _initiatives(portfolio_path)
    assert ini["K-1"].title == "Selvbetjening på byggesager"
    assert ini["K-1"].lead_unit.name == "Teknik og Miljø"
    assert [ln.amount for ln in ini["K-1"].lines if ln.flow == "cost"] == [1234567.50]
    assert [ln.amount for ln in ini["K-1"].lines if ln.flow == "benefit"] == [250000.0]
    assert [ln.amount for ln in ini["K-2"].lines if ln.flow == "cost"] == [2.5]  # never 25
    assert [ln.amount for ln in ini["K-2"].lines if ln.flow == "benefit"] == [-12000.75]


def test_utf8_bom_and_tab_are_detected(portfolio_path, tmp_path):
    r = _import(portfolio_path, "bom_comma.csv", {"columns": _cols(id="id", title="title",
                                                                   lead="lead_department")})
    assert r.table.encoding == "utf-8-sig" and r.table.delimiter == ","
    assert r.table.columns[0] == "id"  # the BOM is not part of the first header
    assert _initiatives(portfolio_path)["B-2"].lead_unit.name == "Økonomi og Stab"
    other = tmp_path / "tab.portfolio"
    r = _import(other, "tab_delimited.csv", {"columns": _cols(id="id", title="title",
                                                             cost="total_cost")})
    assert r.table.delimiter == "\t"
    assert _initiatives(other)["T-1"].lines[0].amount == 100000


def test_dates_dashes_points_iso_and_excel_serials(portfolio_path):
    _import(portfolio_path, "dates.csv",
            {"columns": _cols(id="id", title="title", start="start_date", end="end_date")})
    ini = _initiatives(portfolio_path)
    assert (ini["D-1"].start_date, ini["D-1"].end_date) == (date(2027, 2, 1), date(2027, 12, 31))
    assert (ini["D-2"].start_date, ini["D-2"].end_date) == (date(2027, 2, 1), date(2028, 2, 28))
    assert ini["D-3"].end_date == date(2028, 2, 29)
    assert (ini["D-4"].start_date, ini["D-4"].end_date) == (date(2027, 2, 1), date(2027, 12, 31))  # Excel: 46388 = 1.1.2027


def test_impossible_date_is_an_error_with_row_and_column(portfolio_path):
    problems = _refusal(portfolio_path, "impossible_date.csv",
                        {"columns": _cols(id="id", title="title", start="start_date", end="end_date")})
    assert len(problems) == 1
    assert "3" in problems[0] and "end" in problems[0] and "31-02-2027" in problems[0]


def test_negative_cost_is_an_error_negative_benefit_imports(portfolio_path, tmp_path):
    mapping = {"columns": _cols(id="id", title="title", cost="total_cost", benefit="total_benefit")}
    problems = _refusal(portfolio_path, "negative_amounts.csv", mapping)
    assert len(problems) == 1 and "row 3" in problems[0].replace("række", "row")
    assert "cost" in problems[0]
    result = _import(portfolio_path, "negative_amounts.csv", mapping, skip_invalid=True)
    assert [r.row for r in result.plan.skipped] == [3]
    ini = _initiatives(portfolio_path)
    assert set(ini) == {"N-1"}
    assert [ln.amount for ln in ini["N-1"].lines if ln.flow == "benefit"] == [-5000]


def test_duplicate_id_names_both_rows(portfolio_path):
    problems = _refusal(portfolio_path, "duplicate_id.csv", {"columns": _cols(id="id", title="title")})
    assert len(problems) == 2
    assert all("A-1" in p and "2, 4" in p for p in problems)


def test_blank_is_missing_and_zero_is_zero(portfolio_path):
    _import(portfolio_path, "blank_vs_zero.csv",
            {"columns": _cols(id="id", title="title", cost="total_cost", benefit="total_benefit")})
    ini = _initiatives(portfolio_path)
    assert ini["Z-1"].lines == []
    assert sorted((ln.flow, ln.amount) for ln in ini["Z-2"].lines) == [("benefit", 0.0), ("cost", 0.0)]


def test_missing_patterns_keep_the_reason_and_are_case_sensitive(portfolio_path):
    mapping = {"missing": ["Exempt under*", "Early planning*"],
               "columns": _cols(id="id", title="title", cost="total_cost", end="end_date")}
    problems = _refusal(portfolio_path, "missing_patterns.csv", mapping)
    # lower-case "exempt under section 43" does not match; "ikke oplyst" is no number
    assert len(problems) == 2
    assert any("row 4" in p.replace("række", "row") and "exempt under section 43" in p for p in problems)
    assert any("row 5" in p.replace("række", "row") and "ikke oplyst" in p for p in problems)
    _import(portfolio_path, "missing_patterns.csv", mapping, skip_invalid=True)
    ini = _initiatives(portfolio_path)
    assert set(ini) == {"M-1", "M-2"}
    assert ini["M-1"].lines == [] and ini["M-1"].end_date is None
    notes = {n.field: n.text for n in ini["M-1"].notes}
    assert notes["total_cost"].startswith("Exempt under Section 43") and "\n" in notes["total_cost"]
    assert notes["end_date"].startswith("Early planning GMPP project")


def test_cycle_is_refused_and_named_in_full(portfolio_path):
    problems = _refusal(portfolio_path, "cycle.csv",
                        {"columns": _cols(id="id", title="title",
                                          requires={"field": "requires", "split": ","})})
    cycle_msgs = [p for p in problems if "→" in p]
    assert len(cycle_msgs) == 3  # one per row in the cycle
    text = cycle_msgs[0]
    assert all(c in text for c in ("C-1", "C-2", "C-3")) and "C-4" not in text.split(":", 2)[-1]


def test_self_dependency_is_refused(portfolio_path):
    problems = _refusal(portfolio_path, "self_dependency.csv",
                        {"columns": _cols(id="id", title="title", requires="requires")})
    assert len(problems) == 1 and "S-1" in problems[0] and "row 2" in problems[0].replace("række", "row")


def test_a_row_requiring_a_skipped_row_is_skipped_too_and_told_why(portfolio_path):
    result = _import(portfolio_path, "self_dependency.csv",
                     {"columns": _cols(id="id", title="title", requires="requires")},
                     skip_invalid=True)
    # S-2 requires S-1, which was skipped: S-2 is skipped as well, nothing dangles
    assert _initiatives(portfolio_path) == {}
    assert [r.row for r in result.plan.skipped] == [2, 3]
    (why,) = [str(p) for p in result.plan.skipped[1].problems]
    assert "S-1" in why and "2" in why.split(":", 1)[1] and "neither" not in why
    assert "hverken" not in why  # S-1 is in the source; its row was skipped


def test_dependencies_are_kept(portfolio_path, tmp_path):
    src = tmp_path / "deps.csv"
    src.write_text("id;title;requires\nR-1;Platform;\nR-2;Selvbetjening;R-1\n"
                   "R-3;Data;R-1, R-2\n", encoding="utf-8")
    import_source(portfolio_path, src, mapping={"columns": _cols(
        id="id", title="title", requires={"field": "requires", "split": ","})})
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        deps = sorted(s.execute(select(Dependency.initiative_id, Dependency.requires_id)).all())
    assert deps == [("R-2", "R-1"), ("R-3", "R-1"), ("R-3", "R-2")]


def test_csv_text_starting_with_formula_characters_is_ordinary_text(portfolio_path):
    _import(portfolio_path, "formula_text.csv",
            {"columns": _cols(id="id", title="title", description="description")})
    ini = _initiatives(portfolio_path)
    assert ini["F-1"].title == "=SUM(A1:A3)"
    assert ini["F-1"].description == "+45 borgere får svar hurtigere"
    assert ini["F-2"].title == "-minus i starten"
    assert ini["F-2"].description == "@kommune.dk som afsender"


def test_ambiguous_decimal_is_reported_unless_declared(portfolio_path):
    mapping = {"columns": _cols(id="id", title="title", cost="total_cost")}
    problems = _refusal(portfolio_path, "ambiguous_decimal.csv", mapping)
    assert len(problems) == 1 and "1.500" in problems[0] and "row 2" in problems[0].replace("række", "row")
    _import(portfolio_path, "ambiguous_decimal.csv", {**mapping, "decimal": ","})
    ini = _initiatives(portfolio_path)
    assert ini["Q-1"].lines[0].amount == 1500 and ini["Q-2"].lines[0].amount == 2500.75


def test_a_record_spanning_lines_is_one_row(portfolio_path):
    problems = _refusal(portfolio_path, "multiline_rows.csv",
                        {"columns": _cols(id="id", title="title", description="description",
                                          cost="total_cost")})
    assert len(problems) == 1 and "row 3" in problems[0].replace("række", "row")


def test_repeated_column_is_addressed_as_name_2(portfolio_path):
    values = {"Red": 4, "Amber": 2, "Green": 1}
    _import(portfolio_path, "repeated_column.csv", {"columns": {
        "id": {"field": "id"}, "title": {"field": "title"},
        "rating": {"field": "score:Risiko og gennemførlighed", "values": values},
        "rating#2": {"field": "score:risk", "values": values}}})
    ini = _initiatives(portfolio_path)
    assert [a.value for a in ini["R-1"].assessments] == [4]
    assert [a.value for a in ini["R-2"].assessments] == [1]
    assert [a.value for a in ini["R-3"].assessments] == [2]
    assert {a.assessor for i in ini.values() for a in i.assessments} == {"agreed"}


def test_all_problems_are_reported_at_once(portfolio_path, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id;title;cost;start\nA;Ok;1;01.01.2027\nA;Dublet;-1;31.02.2027\n;Uden id;x;\n",
                   encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, bad, mapping={"columns": _cols(
            id="id", title="title", cost="total_cost", start="start_date")})
    text = "\n".join(info.value.problems)
    assert len(info.value.problems) == 6, text  # 2 duplicates, negative, date, no id, not a number
    assert not portfolio_path.exists()


def test_unknown_criterion_and_absent_column_are_refused(portfolio_path):
    problems = _refusal(portfolio_path, "bom_comma.csv", {"columns": {
        "id": {"field": "id"}, "title": {"field": "title"}, "nope": {"field": "total_cost"},
        "lead": {"field": "score:Ukendt kriterium"}}})
    assert len(problems) == 2
    assert any("nope" in p for p in problems) and any("Ukendt kriterium" in p for p in problems)


def test_audited_in_one_transaction(portfolio_path):
    _import(portfolio_path, "bom_comma.csv", {"columns": _cols(id="id", title="title")})
    from app.models import AuditEntry

    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        contexts = set(s.scalars(select(AuditEntry.context).where(AuditEntry.entity == "initiative")))
    assert contexts == {"import bom_comma.csv"}


def test_field_notes_lines_and_dependencies_rows(portfolio_path):
    _import(portfolio_path, "cycle.csv", {"columns": _cols(id="id", title="title")})
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        assert s.scalars(select(Dependency)).all() == []
        assert s.scalars(select(FieldNote)).all() == []
        assert s.scalars(select(BusinessCaseLine)).all() == []


def test_total_cost_beside_yearly_lines_is_only_a_cross_check(portfolio_path, tmp_path):
    src = tmp_path / "years.csv"
    src.write_text("id;title;total;y1;y2\nY-1;Passer;300;100;200\nY-2;Passer ikke;999;100;200\n"
                   "Y-3;Kun total;450;;\n", encoding="utf-8")
    result = import_source(portfolio_path, src, mapping={"columns": {
        "id": "id", "title": "title", "total": "total_cost",
        "y1": {"field": "cost:2027", "line_type": "anlaeg"}, "y2": "cost:2028"}})
    warnings = [str(p) for p in result.plan.all_problems()]
    assert len(warnings) == 1 and "999" in warnings[0] and "row 3" in warnings[0].replace("række", "row")
    ini = _initiatives(portfolio_path)
    # y2 has no line_type: the source does not say anlæg or drift, so it is not split
    # ("" — never read as drift)
    assert sorted((ln.budget_year, ln.line_type, ln.amount) for ln in ini["Y-2"].lines) == [
        (2027, "anlaeg", 100), (2028, "", 200)]
    assert [(ln.budget_year, ln.amount) for ln in ini["Y-3"].lines] == [(None, 450)]


@pytest.mark.parametrize("content", [b"id;title\x00\nA;B\n", b"PK\x03\x04 not really a workbook"])
def test_unreadable_files_are_refused_with_a_message(portfolio_path, tmp_path, content):
    from app.services.errors import UserError

    for suffix in (".csv", ".xlsx"):
        src = tmp_path / f"bad{suffix}"
        src.write_bytes(content)
        with pytest.raises(UserError) as info:
            import_source(portfolio_path, src, mapping={"columns": {"id": "id", "title": "title"}})
        assert "bad" in str(info.value)
    assert not portfolio_path.exists()


def test_unicode_digits_are_not_read_as_serial_dates_or_years(portfolio_path, tmp_path):
    src = tmp_path / "u.csv"
    src.write_text("id;title;start\nU-1;Hævet to;²\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, src, mapping={"columns": {
            "id": "id", "title": "title", "start": "start_date"}})
    assert "²" in info.value.problems[0]
    from app.services.importing import MappingError

    with pytest.raises(MappingError):
        import_source(portfolio_path, src, mapping={"columns": {"id": "id", "start": "cost:²⁰²⁷"}})
    assert not portfolio_path.exists()
