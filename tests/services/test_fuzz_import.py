"""Property and fuzz tests of the CSV and XLSX importers (issue 8, "bad input at scale").

Every source ends in an import or a clear ``UserError`` — never a traceback and never a
partial write: a refused import into an existing portfolio leaves it byte-identical, a
refused import into a new one leaves no file. The fuzz runs (random bytes, truncated
files, huge cells, 100,000 rows; each for CSV and XLSX) are marked slow: ``python3 dev.py test -m slow``.
"""

from __future__ import annotations

import io
import json
import math
import random
import shutil
import sqlite3
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import BusinessCaseLine, Initiative
from app.services.errors import UserError
from app.services.importing import import_source
from app.services.store import create_portfolio, open_portfolio

MAPPING = {"name": "fuzz", "encoding": "utf-8", "delimiter": ";", "decimal": ",",
           "currency": "DKK",
           "columns": {"id": {"field": "id"}, "titel": {"field": "title"},
                       "afdeling": {"field": "lead_department"},
                       "pris": {"field": "total_cost"}, "start": {"field": "start_date"},
                       "kræver": {"field": "requires"}}}

cells = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=12),
    st.sampled_from(["", "1.234,50", "2.5", "-7", "1e9", "ja", "2027-02-30", "31-12-2026",
                     '"', ";", "\n", "æøå", "EK-001", "Exempt under FOI"]),
)
rows = st.lists(st.tuples(cells, cells, cells, cells, cells, cells), max_size=6)


def _csv(rows_: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    import csv

    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["id", "titel", "afdeling", "pris", "start", "kræver"])
    writer.writerows(rows_)
    return out.getvalue().encode("utf-8")


def _dump(path: Path) -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-import")


@pytest.fixture(scope="module")
def base_portfolio(workdir: Path) -> Path:
    path = workdir / "base.portfolio"
    with create_portfolio(path, municipality="Fuzzkommune") as pf, pf.session() as s:
        s.add(Initiative(id="EK-001", title="Findes i forvejen"))
    return path


def _check(target: Path, source: Path, mapping=MAPPING) -> bool:
    """Import; True when imported. Asserts the no-partial-write rule when refused."""
    existed = target.exists()
    before = _dump(target) if existed else None
    try:
        result = import_source(target, source, mapping=mapping)
    except UserError as exc:
        assert str(exc)
        if existed:
            assert _dump(target) == before
        else:
            assert not target.exists()
        leftovers = [p.name for p in target.parent.iterdir()
                     if p.name.startswith(".") or p.name.endswith(("-journal", ".lock"))]
        assert leftovers == [], leftovers
        return False
    assert result.written
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        ids = {i.id for i in s.query(Initiative)}
        amounts = [line.amount for line in s.query(BusinessCaseLine)]
    assert {r.id for r in result.plan.records} <= ids
    assert all(math.isfinite(a) for a in amounts), "an imported amount is not a number"
    return True


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow], deadline=None)
@given(rows)
def test_any_csv_into_a_new_portfolio_imports_or_leaves_no_file(workdir, rows_):
    case = workdir / uuid.uuid4().hex[:8]
    case.mkdir()
    source = case / "kilde.csv"
    source.write_bytes(_csv(rows_))
    _check(case / "ny.portfolio", source)
    shutil.rmtree(case)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                  HealthCheck.too_slow], deadline=None)
@given(rows)
def test_any_csv_into_an_existing_portfolio_imports_or_changes_nothing(workdir, base_portfolio,
                                                                        rows_):
    case = workdir / uuid.uuid4().hex[:8]
    case.mkdir()
    target = case / "eksisterende.portfolio"
    shutil.copyfile(base_portfolio, target)
    source = case / "kilde.csv"
    source.write_bytes(_csv(rows_))
    _check(target, source)
    shutil.rmtree(case)


# --- fuzz runs (slow) ----------------------------------------------------------------------

def _xlsx_bytes(n_rows: int = 20) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["id", "titel", "afdeling", "pris", "start", "kræver"])
    for i in range(n_rows):
        ws.append([f"X-{i}", f"Tiltag {i}", "Teknik", 1000.5 * i, "2026-01-01", ""])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _mutations(seed: int, data: bytes, count: int) -> list[bytes]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        kind = rnd.choice(["random", "truncate", "flip", "splice"])
        if kind == "random":
            out.append(bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 4000))))
        elif kind == "truncate":
            out.append(data[: rnd.randint(0, len(data))])
        elif kind == "flip":
            b = bytearray(data)
            for _ in range(rnd.randint(1, 20)):
                b[rnd.randrange(len(b))] = rnd.getrandbits(8)
            out.append(bytes(b))
        else:
            i = rnd.randrange(len(data))
            out.append(data[:i] + bytes(rnd.getrandbits(8) for _ in range(50)) + data[i:])
    return out


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_fuzz_random_and_damaged_files(tmp_path: Path, base_portfolio: Path, suffix: str):
    seed_data = _csv([("A-1", "Et tiltag", "Teknik", "1.000,00", "2026-01-01", "")]) \
        if suffix == ".csv" else _xlsx_bytes()
    mapping = dict(MAPPING)
    for i, data in enumerate(_mutations(20261130, seed_data, 60)):
        case = tmp_path / f"c{i}"
        case.mkdir()
        source = case / f"kilde{suffix}"
        source.write_bytes(data)
        target = case / "eksisterende.portfolio"
        shutil.copyfile(base_portfolio, target)
        _check(target, source, mapping)
        _check(case / "ny.portfolio", source, mapping)


@pytest.mark.slow
def test_fuzz_xlsx_that_is_a_zip_of_something_else(tmp_path: Path, base_portfolio: Path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "ikke et regneark")
    source = tmp_path / "kilde.xlsx"
    source.write_bytes(buf.getvalue())
    target = tmp_path / "p.portfolio"
    shutil.copyfile(base_portfolio, target)
    assert not _check(target, source)


@pytest.mark.slow
def test_huge_cells(tmp_path: Path, base_portfolio: Path):
    big = "æ" * 2_000_000
    source = tmp_path / "stor.csv"
    source.write_bytes(_csv([("H-1", big, "Teknik", "1,0", "", ""),
                             ("H-2", "Kort", big[:100_000], "9" * 400, "", ""),
                             ("H-3", "Kort", "Teknik", "9" * 400, "", "")]))
    target = tmp_path / "p.portfolio"
    shutil.copyfile(base_portfolio, target)
    _check(target, source)


def test_a_price_of_400_digits_is_refused_naming_the_cell(tmp_path: Path, base_portfolio: Path):
    """Found by the huge-cell fuzz run: 400 nines read as an infinite cost and imported."""
    source = tmp_path / "stor.csv"
    source.write_bytes(_csv([("H-3", "Kort", "Teknik", "9" * 400, "", "")]))
    target = tmp_path / "p.portfolio"
    shutil.copyfile(base_portfolio, target)
    assert not _check(target, source)
    with pytest.raises(UserError) as err:
        import_source(target, source, mapping=MAPPING)
    assert any("pris" in p and "2" in p for p in err.value.problems)


@pytest.mark.slow
def test_100000_rows(tmp_path: Path):
    rows_ = [(f"R-{i:06d}", f"Tiltag {i}", f"Afdeling {i % 11}", f"{i},5", "", "")
             for i in range(100_000)]
    source = tmp_path / "stor.csv"
    source.write_bytes(_csv(rows_))
    target = tmp_path / "ny.portfolio"
    assert _check(target, source)
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        assert s.query(Initiative).count() == 100_000


def _xlsx_file(path: Path, rows_: Iterable[tuple]) -> Path:
    """A workbook with the fuzz header and ``rows_``, written in openpyxl's streaming mode."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Forslag")
    ws.append(["id", "titel", "afdeling", "pris", "start", "kræver"])
    for row in rows_:
        ws.append(list(row))
    wb.save(path)
    return path


@pytest.mark.slow
def test_huge_cells_xlsx(tmp_path: Path, base_portfolio: Path):
    big = "æ" * 200_000  # far over Excel's own 32,767 characters a cell
    source = _xlsx_file(tmp_path / "stor.xlsx", [("H-1", big, "Teknik", 1.0, "", ""),
                                                 ("H-2", "Kort", big[:50_000], "9" * 400, "", "")])
    target = tmp_path / "p.portfolio"
    shutil.copyfile(base_portfolio, target)
    _check(target, source)


@pytest.mark.slow
def test_100000_rows_xlsx(tmp_path: Path):
    source = _xlsx_file(tmp_path / "stor.xlsx", (
        (f"R-{i:06d}", f"Tiltag {i}", f"Afdeling {i % 11}", i + 0.5, "", "")
        for i in range(100_000)))
    target = tmp_path / "ny.portfolio"
    assert _check(target, source)
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        assert s.query(Initiative).count() == 100_000


def test_the_mapping_itself_is_checked(tmp_path: Path):
    source = tmp_path / "kilde.csv"
    source.write_bytes(_csv([("A-1", "Et tiltag", "Teknik", "1,0", "", "")]))
    bad = json.loads(json.dumps(MAPPING))
    bad["columns"]["titel"] = {"field": "findes_ikke"}
    with pytest.raises(UserError):
        import_source(tmp_path / "ny.portfolio", source, mapping=bad)
    assert not (tmp_path / "ny.portfolio").exists()
