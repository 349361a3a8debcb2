"""Edges of the CLI contract: a missing source or mapping is named (exit 2), and a
closed pipe on stdout is not an internal error."""

from __future__ import annotations



def test_a_missing_source_or_mapping_is_named_and_nothing_created(cli, tmp_path):
    target = tmp_path / "P.portfolio"
    result = cli("import", str(target), str(tmp_path / "findes-ikke.csv"))
    assert result.returncode == 2 and "findes-ikke.csv" in result.stderr
    source = tmp_path / "k.csv"
    source.write_text("id,title\nA,B\n", encoding="utf-8")
    result = cli("import", str(target), str(source), "--mapping", str(tmp_path / "m.json"))
    assert result.returncode == 2 and "m.json" in result.stderr
    result = cli("import", str(target), str(tmp_path))
    assert result.returncode == 2
    assert not target.exists()


def test_a_closed_pipe_is_not_an_internal_error(monkeypatch, capsys):
    """`prioritise list P | head`: when the reader closes the pipe, printing raises
    BrokenPipeError; the CLI ends quietly with exit 0 instead of an internal error."""
    import sys

    from app import cli
    from app.commands import listing

    def closed_pipe(args):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(listing, "run", closed_pipe)
    stdout = sys.stdout
    try:
        assert cli.main(["list", "whatever.portfolio"]) == cli.EXIT_OK
    finally:
        sys.stdout = stdout
    assert "intern fejl" not in capsys.readouterr().err
