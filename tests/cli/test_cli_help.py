"""`prioritise --help` and `prioritise gui --help`: every command and every `gui` option
has a short help text, Danish by default and English with `--lang en` or
`PRIORITISE_LANG=en`; building the parser reads no catalogue (start-up cost)."""

from __future__ import annotations

import argparse

import pytest

from app import cli
from app.services import i18n


def _help(capsys, monkeypatch, *argv: str, env_lang: str | None = None) -> str:
    if env_lang is None:
        monkeypatch.delenv("PRIORITISE_LANG", raising=False)
    else:
        monkeypatch.setenv("PRIORITISE_LANG", env_lang)
    try:
        assert cli.main(list(argv)) == cli.EXIT_OK
    finally:
        i18n.set_language("da")
    return capsys.readouterr().out


def test_every_command_and_gui_option_has_a_help_text() -> None:
    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    helps = {c.dest: c.help for c in commands._choices_actions}
    assert set(helps) == set(cli.COMMANDS)
    assert all(helps.values())
    gui = commands.choices["gui"]
    for action in gui._actions:
        assert action.help, action.option_strings or action.dest


def test_top_level_help_is_danish_by_default(capsys, monkeypatch) -> None:
    out = _help(capsys, monkeypatch, "--help")
    assert out.startswith("brug: prioritise")
    assert "åbn skrivebordsprogrammet" in out
    assert "kommandoer:" in out and "vis denne hjælp og afslut" in out
    assert "open the desktop application" not in out


def test_gui_help_is_danish_by_default_and_english_on_request(capsys, monkeypatch) -> None:
    da = _help(capsys, monkeypatch, "gui", "--help")
    assert "skærmbilledets størrelse i pixel" in da and "tilvalg:" in da
    assert "demoporteføljen" in da
    en = _help(capsys, monkeypatch, "gui", "--lang", "en", "--help")
    assert en.startswith("usage: prioritise gui")
    assert "size of the screenshot in pixels" in en and "options:" in en
    env = _help(capsys, monkeypatch, "gui", "-h", env_lang="en")
    assert "open the demo portfolio" in env


def test_building_the_parser_reads_no_catalogue(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(i18n, "translations", lambda lang: calls.append(lang))
    cli.build_parser()
    assert calls == []


@pytest.mark.parametrize("argv, lang", [
    (["gui", "--lang", "en"], "en"), (["gui", "--lang=en"], "en"), (["list", "x"], "da"),
    (["gui", "--lang", "xx"], "da"),
])
def test_language_of_help_is_read_before_parsing(argv, lang, monkeypatch) -> None:
    monkeypatch.delenv("PRIORITISE_LANG", raising=False)
    assert cli._language_asked(argv) == lang
