"""A refused import into an existing portfolio writes nothing at all: the file is
byte-identical and no backup, lock or temporary file is left beside it (DESIGN §6)."""

from __future__ import annotations

import hashlib

from app.services.store import create_portfolio


def test_refused_import_leaves_no_file_beside_the_portfolio(cli, tmp_path):
    folder = tmp_path / "Porteføljer"
    folder.mkdir()
    target = folder / "P.portfolio"
    create_portfolio(target).close()
    for leftover in list(folder.iterdir()):
        if leftover != target:
            import shutil

            shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    source = tmp_path / "forslag.csv"
    source.write_text("id;title;total_cost\nA-1;Ét;-5\n", encoding="utf-8")
    mapping = tmp_path / "map.json"
    mapping.write_text('{"columns": {"id": "id", "title": "title", '
                       '"total_cost": "total_cost"}}', encoding="utf-8")
    result = cli("import", str(target), str(source), "--mapping", str(mapping))
    assert result.returncode == 2, result.stderr
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in folder.iterdir()) == ["P.portfolio"]
