"""The Danish UI translation is complete: pyside6-lupdate over app/ui into a temporary .ts
must find no string without a finished Danish translation in resources/i18n."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "prioritise_da.ts"


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
