"""``prioritise export``: a reader that never writes the portfolio; atomic output; a
cancelled or failed export leaves no file; progress is reported."""

from __future__ import annotations

import hashlib

import pytest

from app.services.exports import Cancelled, ExportHooks, export
from tests.services.test_export_support import build_portfolio


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("cmd") / "Portefølje 2027.portfolio")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx", "csv"])
def test_cancelled_export_leaves_no_file(portfolio, tmp_path, fmt):
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # cancel part-way, after the content is gathered

    target = tmp_path / f"ud.{fmt}"
    with pytest.raises(Cancelled):
        export(portfolio, fmt, target, appendix=True, hooks=ExportHooks(cancel=cancel))
    assert calls["n"] > 3
    assert list(tmp_path.iterdir()) == []


def test_cancelled_pdf_during_layout_keeps_the_old_file(portfolio, tmp_path):
    target = tmp_path / "bilag.pdf"
    target.write_bytes(b"old version")
    pages = {"n": 0}
    progress: list[float] = []

    def cancel() -> bool:
        pages["n"] += 1
        return pages["n"] > 12  # well into page layout

    with pytest.raises(Cancelled):
        export(portfolio, "pdf", target, appendix=True,
               hooks=ExportHooks(progress=lambda f, _t: progress.append(f), cancel=cancel))
    assert target.read_bytes() == b"old version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bilag.pdf"]
    assert progress and progress == sorted(progress)


def test_progress_reaches_the_end(portfolio, tmp_path):
    seen: list[tuple[float, str]] = []
    export(portfolio, "pdf", tmp_path / "b.pdf", hooks=ExportHooks(progress=lambda f, t: seen.append((f, t))))
    assert seen[-1][0] == 1.0
    assert all(0.0 <= f <= 1.0 for f, _t in seen)


def test_cli_export_is_a_reader(portfolio, tmp_path, cli):
    before = _digest(portfolio)
    out = tmp_path / "ud.pdf"
    res = cli("export", str(portfolio), "--pdf", str(out), "--public", "--appendix")
    assert res.returncode == 0, res.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert _digest(portfolio) == before
    assert not portfolio.with_name(portfolio.name + ".lock").exists()


def test_cli_refuses_an_unknown_scenario_and_writes_nothing(portfolio, tmp_path, cli):
    out = tmp_path / "ud.pdf"
    res = cli("export", str(portfolio), "--pdf", str(out), "--scenario", "Findes ikke")
    assert res.returncode == 2
    assert "Findes ikke" in res.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_cli_refuses_a_missing_folder(portfolio, tmp_path, cli):
    res = cli("export", str(portfolio), "--docx", str(tmp_path / "nej" / "ud.docx"))
    assert res.returncode == 2
    assert "findes ikke" in res.stderr


def test_cli_import_restores_own_exports_with_no_options(portfolio, tmp_path, cli):
    from app.commands.listing import list_document
    from app.services.exports.dump import dump_portfolio
    from app.services.store import open_portfolio

    def dump(path):
        with open_portfolio(path, readonly=True) as pf, pf.read() as s:
            return dump_portfolio(s, audit=False)

    for fmt in ("xlsx",):  # the CSV round trip runs in-process in test_export_spreadsheets
        out = tmp_path / f"eksport.{fmt}"
        assert cli("export", str(portfolio), f"--{fmt}", str(out)).returncode == 0
        target = tmp_path / f"tom-{fmt}.portfolio"
        res = cli("import", str(target), str(out))
        assert res.returncode == 0, res.stderr
        assert list_document(str(target)) == list_document(str(portfolio)), fmt
    assert dump(tmp_path / "tom-xlsx.portfolio") == dump(portfolio)


def test_logo_and_what_if_stamp(tmp_path):
    import io

    from PIL import Image
    from pypdf import PdfReader
    from sqlalchemy import select

    from app.models import BudgetFrame, PortfolioSettings, Scenario
    from app.services.i18n import set_language
    from app.services.store import open_portfolio
    from tests.services.test_export_support import text_of_pdf

    path = build_portfolio(tmp_path / "p.portfolio")
    buf = io.BytesIO()
    Image.new("RGB", (240, 80), (31, 78, 121)).save(buf, format="PNG")
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        s.get(PortfolioSettings, 1).logo_png = buf.getvalue()
        base = s.scalars(select(Scenario)).first()
        s.add(Scenario(name="Mere til borgerne", is_what_if=True, weight_set_id=base.weight_set_id,
                       frames=[BudgetFrame(budget_year=2027, amount=4_000_000.0)]))
    set_language("da")
    out = tmp_path / "hvis.pdf"
    export(path, "pdf", out, scenario="Mere til borgerne")
    pages = text_of_pdf(out)
    assert "HVAD-NU-HVIS-SCENARIE" in pages[0] and "Mere til borgerne" in pages[0]
    assert all("HVAD-NU-HVIS" in p for p in pages)
    assert PdfReader(str(out)).pages[0].images, "the logo is on the cover"
    plain = tmp_path / "standard.pdf"
    export(path, "pdf", plain)
    assert not any("HVAD-NU-HVIS" in p for p in text_of_pdf(plain))


def test_cli_meeting_date_is_printed_and_a_bad_one_refused(portfolio, tmp_path, cli):
    import docx

    out = tmp_path / "punkt.docx"
    res = cli("export", str(portfolio), "--docx", str(out), "--meeting-date", "2027-01-28")
    assert res.returncode == 0, res.stderr
    assert "Møde 28. januar 2027" in docx.Document(str(out)).paragraphs[1].text
    bad = cli("export", str(portfolio), "--docx", str(tmp_path / "x.docx"),
              "--meeting-date", "31-02-2027")
    assert bad.returncode == 2 and "--meeting-date" in bad.stderr
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize("fmt,module,function", [
    ("pdf", "app.services.exports.pdf.document", "build_pdf"),
    ("docx", "app.services.exports.docx_agenda", "build_docx"),
    ("xlsx", "app.services.exports.xlsx_export", "build_xlsx"),
    ("csv", "app.services.exports.csv_export", "build_csv"),
])
def test_ctrl_c_during_a_cli_export_leaves_no_file(portfolio, tmp_path, monkeypatch, capsys,
                                                   fmt, module, function):
    """Ctrl-C while the writer has half written the file: the CLI says it was
    interrupted and neither the file nor its temporary file is left; an older file of
    that name is kept as it was."""
    import importlib

    from app import cli

    def interrupted(_content, out, **_kw):
        from pathlib import Path

        Path(out).write_bytes(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib.import_module(module), function, interrupted)
    fresh = tmp_path / "ny"
    fresh.mkdir()
    assert cli.main(["export", str(portfolio), f"--{fmt}", str(fresh / f"ud.{fmt}")]) == 1
    assert "Afbrudt" in capsys.readouterr().err
    assert list(fresh.iterdir()) == []
    old = tmp_path / f"gammel.{fmt}"
    old.write_bytes(b"old version")
    assert cli.main(["export", str(portfolio), f"--{fmt}", str(old)]) == 1
    assert old.read_bytes() == b"old version"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"gammel.{fmt}", "ny"]
