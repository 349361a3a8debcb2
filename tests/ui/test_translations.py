"""The UI translations are complete: pyside6-lupdate over app/ui into a temporary .ts must
find no string without a finished Danish translation in resources/i18n, and no plural
("%n") string without finished English numerus forms in the plural-only English file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "prioritise_da.ts"
TS_EN = ROOT / "resources" / "i18n" / "prioritise_en.ts"


def _unfinished(ts: Path) -> list[str]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
                if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                    continue
                loc = m.find("location")
                where = f"{loc.get('filename')}:{loc.get('line')}" if loc is not None else "?"
                out.append(f"{where} [{name}] {m.findtext('source')!r}")
                continue
            forms = [f.text for f in tr.findall("numerusform")]
            if (forms and not all(forms)) or (not forms and not (tr.text or "").strip()):
                out.append(f"[{name}] {m.findtext('source')!r} (empty translation)")
    return out


def test_every_ui_string_has_a_finished_danish_translation(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    work = tmp_path / "prioritise_da.ts"
    shutil.copy(TS, work)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(work)], check=True,
                   capture_output=True)
    missing = _unfinished(work)
    assert not missing, (f"{len(missing)} UI string(s) without a Danish translation; run "
                         "`python scripts/i18n.py ui` and translate them:\n" + "\n".join(missing))


def test_every_plural_ui_string_has_finished_english_numerus_forms(tmp_path: Path) -> None:
    """English is the source language, but "%n initiative(s)" needs "1 initiative" /
    "2 initiatives": the plural-only English file (lupdate -pluralonly, as scripts/i18n.py
    makes it) must hold every plural string of app/ui, each with both forms filled."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    work = tmp_path / "prioritise_en.ts"
    shutil.copy(TS_EN, work)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-pluralonly", "-source-language",
                    "en", "-target-language", "en_GB", "-ts", str(work)], check=True,
                   capture_output=True)
    messages = list(ET.parse(work).getroot().iter("message"))
    assert messages, "no plural string found: is lupdate -pluralonly reading app/ui?"
    assert all(m.get("numerus") == "yes" for m in messages)
    missing = _unfinished(work)
    assert not missing, (f"{len(missing)} plural UI string(s) without English forms; run "
                         "`python scripts/i18n.py ui` and fill resources/i18n/prioritise_en.ts:\n"
                         + "\n".join(missing))
    for m in messages:
        forms = [f.text or "" for f in m.find("translation").findall("numerusform")]
        assert len(forms) == 2 and "(s)" not in "".join(forms), m.findtext("source")


def test_english_loads_only_our_plural_catalogue(qapp) -> None:
    from app.ui.app import install_translators

    loaded = install_translators(qapp, "en")
    assert [Path(p).name for p in loaded] == ["prioritise_en.qm"]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "%n initiative(s)", "", 1) == "1 initiative"
    assert QCoreApplication.translate("MainWindow", "%n initiative(s)", "", 37) == "37 initiatives"
    assert QCoreApplication.translate("Views", "Portfolio") == "Portfolio"


def test_qt_own_danish_catalogue_and_ours_load(qapp) -> None:
    from app.ui.app import install_translators

    try:
        loaded = install_translators(qapp, "da")
        assert any(p.endswith("qtbase_da.qm") for p in loaded)
        assert any(p.endswith("prioritise_da.qm") for p in loaded)
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("Views", "Portfolio") == "Portefølje"
        assert QCoreApplication.translate("", "Procurement", "phase") == "Udbud/anskaffelse"
        assert QCoreApplication.translate("", "Procurement") == "Anskaffelse"
    finally:
        install_translators(qapp, "en")
        from app.services.i18n import set_language

        set_language("da")
