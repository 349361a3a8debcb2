"""Every service text marked for translation has a Danish translation."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def _load_script():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["i18n_script"] = module
    spec.loader.exec_module(module)
    return module


def test_every_service_string_has_a_danish_translation():
    script = _load_script()
    template = script.extract_services()
    with script.PO.open("rb") as fh:
        catalog = read_po(fh, locale="da")
    missing = []
    for msg in template:
        if not msg.id:
            continue
        found = catalog.get(msg.id)
        strings = found.string if found is not None else None
        ok = found is not None and not found.fuzzy and (
            all(strings) if isinstance(strings, tuple) else bool(strings)
        )
        if not ok:
            missing.append(msg.id)
    assert not missing, (
        "untranslated service strings (run `python scripts/i18n.py services` and translate): "
        f"{missing}"
    )


def test_danish_is_default_and_english_available():
    from app.services import i18n

    i18n.set_language("da")
    assert i18n._("mandatory") == "obligatorisk"
    i18n.set_language("en")
    try:
        assert i18n._("mandatory") == "mandatory"
    finally:
        i18n.set_language("da")
