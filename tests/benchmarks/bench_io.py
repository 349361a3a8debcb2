"""import_xlsx and bilag: importing a spreadsheet; writing the PDF bilag.

Application paths measured: ``importing.import_source`` (the path of ``prioritise import``)
of a generated national-overview spreadsheet with a mapping (DESIGN §10) into a new
portfolio; ``exports.export(portfolio, "pdf", ...)`` (the path of ``prioritise export
--pdf``), with the one-page-per-initiative appendix for bilag_300. Limit of the import:
openpyxl reading every cell of the same file in read-only mode (the bare scan).
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from datetime import date
from pathlib import Path

from tests.benchmarks.bench_ui import _need
from tests.benchmarks.generator import (
    BUDGET_YEAR,
    FINANCING,
    FORVALTNINGER,
    QUALIFIERS,
    TOPICS,
    cache_dir,
    cached_portfolio,
)
from tests.benchmarks.harness import GROWTH_SIZES, Context, Result, median_time

YEARS = tuple(range(BUDGET_YEAR, BUDGET_YEAR + 4))
PHASES = {"Idé": "idea", "Projektforslag": "proposal", "Godkendt": "approved",
          "Implementering": "implementation", "I drift": "operation", "Sat i bero": "on_hold"}
SCORES = ("Strategisk sigte", "Eksterne krav", "Borgerværdi", "Medarbejderværdi",
          "Risiko og gennemførlighed", "Parathed")


def mapping() -> dict:
    """The mapping of the generated spreadsheet (DESIGN §10 format)."""
    cols: dict[str, dict] = {
        "Projekt-ID": {"field": "id"}, "Titel": {"field": "title"},
        "Beskrivelse": {"field": "description"},
        "Ansvarlig forvaltning": {"field": "lead_department"},
        "Deltagende enheder": {"field": "departments", "split": ";"},
        "Fase": {"field": "phase", "values": PHASES},
        "Obligatorisk": {"field": "mandatory", "values": {"Ja": True, "Nej": False}},
        "Projektejer": {"field": "owner"}, "Finansiering": {"field": "financing"},
        "Start": {"field": "start_date"}, "Slut": {"field": "end_date"},
        "Forudsætninger": {"field": "requires", "split": ";"},
        "Årlig gevinst (kr.)": {"field": "score:Økonomisk gevinst"},
    }
    for y in YEARS:
        cols[f"Anlæg {y} (1.000 kr.)"] = {"field": f"cost:{y}", "multiplier": 1000,
                                          "line_type": "anlaeg"}
        cols[f"Drift {y} (1.000 kr.)"] = {"field": f"cost:{y}", "multiplier": 1000,
                                          "line_type": "drift"}
        cols[f"Gevinst {y} (1.000 kr.)"] = {"field": f"benefit:{y}", "multiplier": 1000}
    for name in SCORES:
        cols[f"Score: {name}"] = {"field": f"score:{name}"}
    return {"name": "Benchmark: national oversigt", "decimal": ",", "sheet": "Projekter",
            "header_row": 1, "currency": "DKK", "columns": cols}


def write_source(path: Path, n: int, seed: int = 1) -> Path:
    """A spreadsheet of ``n`` initiatives (one sheet "Projekter", header row 1), with
    acyclic prerequisites, yearly anlæg/drift/gevinst in 1.000 kr. and six scores."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Projekter")
    header = list(mapping()["columns"])
    ws.append(header)
    units = [f for _c, f, _a in FORVALTNINGER]
    width = max(3, len(str(n)))
    for i in range(1, n + 1):
        iid = f"NAT-{i:0{width}d}"
        title = f"{rng.choice(TOPICS)} {rng.choice(QUALIFIERS)}"
        lead = rng.choice(units)
        others = [u for u in rng.sample(units, rng.randint(0, 2)) if u != lead]
        reqs = sorted({f"NAT-{rng.randint(1, i - 1):0{width}d}" for _ in range(
            rng.choice((0, 1, 1, 2, 3)))}) if i > 1 else []
        start = date(rng.choice(YEARS), rng.randint(1, 12), 1)
        row = {
            "Projekt-ID": iid, "Titel": title, "Beskrivelse": f"{title} i {lead}.",
            "Ansvarlig forvaltning": lead, "Deltagende enheder": "; ".join(others),
            "Fase": rng.choice(list(PHASES)), "Obligatorisk": "Ja" if rng.random() < 0.02
            else "Nej", "Projektejer": f"Chef {rng.randint(1, 60)}",
            "Finansiering": rng.choice(FINANCING), "Start": start,
            "Slut": date(start.year + rng.randint(1, 3), start.month, 28),
            "Forudsætninger": "; ".join(reqs),
            "Årlig gevinst (kr.)": round(rng.lognormvariate(12.5, 1.2), -3),
        }
        size = rng.lognormvariate(6.9, 0.9)  # 1.000 kr.
        for k, y in enumerate(YEARS):
            row[f"Anlæg {y} (1.000 kr.)"] = round(size / 2, 1) if k < 2 else None
            row[f"Drift {y} (1.000 kr.)"] = round(size * 0.15, 1) if k >= 1 else None
            row[f"Gevinst {y} (1.000 kr.)"] = round(size * 0.3, 1) if k >= 2 and \
                rng.random() < 0.6 else None
        for name in SCORES:
            row[f"Score: {name}"] = rng.randint(0, 4)
        ws.append([row[h] for h in header])
    wb.save(path)
    return path


def cached_source(n: int, seed: int = 1) -> tuple[Path, Path]:
    """(spreadsheet, mapping file) for ``n`` rows, generated once."""
    folder = cache_dir()
    key = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    src = folder / f"import-n{n}-s{seed}-{key}.xlsx"
    if not src.is_file():
        tmp = src.with_suffix(".partial.xlsx")
        write_source(tmp, n, seed)
        tmp.replace(src)
    mp = folder / f"import-n{n}-s{seed}.mapping.json"
    mp.write_text(json.dumps(mapping(), ensure_ascii=False, indent=1), encoding="utf-8")
    return src, mp


def bench_import_xlsx(ctx: Context) -> None:
    """import_xlsx_N: ``prioritise import`` of an N-row XLSX into a new portfolio
    (target 4 s at 5,000)."""
    importing = _need("app.services.importing", "import_source")
    for n in ctx.sizes("import_xlsx", GROWTH_SIZES, (5_000,)):
        src, mp = cached_source(n)
        folder = ctx.workdir / f"import{n}"
        counter = iter(range(10**6))

        def target() -> Path:
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir()
            return folder / f"import-{next(counter)}.portfolio"

        def run(path: Path) -> None:
            result = importing.import_source(path, src, mapping=mp)
            assert result.written and len(result.plan.records) == n, result

        runs = ctx.reps(5, 3) if n <= 5_000 else ctx.reps(3, 1)
        t = ctx.time(run, runs, setup=target)

        def bare(_: object) -> None:
            from openpyxl import load_workbook

            wb = load_workbook(src, read_only=True, data_only=True)
            rows = sum(1 for _r in wb["Projekter"].iter_rows(values_only=True))
            wb.close()
            assert rows == n + 1

        lim = median_time(bare, ctx.last_runs)
        ctx.add(Result(f"import_xlsx_{n}", n, t, limit_seconds=lim,
                       target_seconds=4.0 if n == 5_000 else None, runs=ctx.last_runs))


def bench_bilag(ctx: Context) -> None:
    """bilag_50 (target 3 s) and bilag_300 with the appendix (target 15 s); growth:
    the bilag without appendix at 150 and 1,000 initiatives."""
    exports = _need("app.services.exports", "export")
    from pypdf import PdfReader

    plan = {50: (False, 3.0), 150: (False, None), 300: (True, 15.0), 1_000: (False, None)}
    for n in ctx.sizes("bilag", tuple(plan), (50, 300)):
        appendix, target = plan[n]
        path = cached_portfolio(n)
        out = ctx.workdir / f"bilag-{n}.pdf"
        runs = ctx.reps(3, 1) if appendix or n > 300 else ctx.reps(5, 3)
        t = ctx.time(lambda _: exports.export(path, "pdf", out, appendix=appendix), runs)
        pages = len(PdfReader(out).pages)
        if appendix:
            assert pages >= n, pages
        ctx.add(Result(f"bilag_{n}", n, t, target_seconds=target, runs=ctx.last_runs))
        ctx.log(f"    ({pages} pages{', with appendix' if appendix else ''})")
