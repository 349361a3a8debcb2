#!/usr/bin/env python3
"""Keep the translation catalogues up to date.

    python scripts/i18n.py services   extract _() strings of app/ (not app/ui) into the
                                      Danish .po, keeping existing translations
    python scripts/i18n.py ui         run pyside6-lupdate over app/ui into resources/i18n
                                      (the Danish .ts, and the plural-only English .ts made
                                      with ``-pluralonly``) and compile both .qm with
                                      pyside6-lrelease

Then fill in the untranslated entries (msgstr "" / <translation type="unfinished">).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "da" / "LC_MESSAGES" / "prioritise.po"
TS = ROOT / "resources" / "i18n" / "prioritise_da.ts"
QM = ROOT / "resources" / "i18n" / "prioritise_da.qm"
# English is the source language, but "%n initiative(s)" needs "1 initiative"/"2 initiatives":
# Qt's documented answer is a plural-only translation into the source language
# (Qt Linguist manual, "Handling plurals"; lupdate -pluralonly).
TS_EN = ROOT / "resources" / "i18n" / "prioritise_en.ts"
QM_EN = ROOT / "resources" / "i18n" / "prioritise_en.qm"


def services_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "app").rglob("*.py") if "ui" not in p.relative_to(ROOT / "app").parts[:1])


def extract_services() -> "object":
    """A Babel catalogue of every ``_()``/``ngettext()`` string outside app/ui."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    template = Catalog(project="prioritise")
    for path in services_sources():
        for lineno, message, comments, _ctx in extract_from_file(
            "python", str(path), keywords={"_": None, "ngettext": (1, 2)}
        ):
            template.add(message, locations=[(str(path.relative_to(ROOT)), lineno)],
                         auto_comments=comments)
    return template


def update_services() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    template = extract_services()
    if PO.exists():
        with PO.open("rb") as fh:
            catalog = read_po(fh, locale="da")
    else:
        catalog = Catalog(locale="da", project="prioritise")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{PO.relative_to(ROOT)}: {len(catalog)} messages, {len(missing)} untranslated")


def update_ui() -> None:
    bindir = Path(sys.executable).parent
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.check_call([str(bindir / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)])
    subprocess.check_call([str(bindir / "pyside6-lrelease"), str(TS), "-qm", str(QM)])
    subprocess.check_call([str(bindir / "pyside6-lupdate"), *sources, "-no-obsolete", "-pluralonly",
                           "-source-language", "en", "-target-language", "en_GB",
                           "-ts", str(TS_EN)])
    subprocess.check_call([str(bindir / "pyside6-lrelease"), str(TS_EN), "-qm", str(QM_EN)])


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else ""
    if what == "services":
        update_services()
    elif what == "ui":
        update_ui()
    else:
        print(__doc__)
        raise SystemExit(2)
