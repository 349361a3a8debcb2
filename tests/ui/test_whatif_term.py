"""One Danish form for "what-if": "hvad-nu-hvis" (hyphenated, also as a noun and in
compounds such as "hvad-nu-hvis-scenarie"), in the UI catalogue and the services catalogue
alike — never the English "what-if" on Danish screens (the presentation footer said
"W: what-if") nor the unhyphenated "hvad nu hvis" (the comparison's "(hvad nu hvis)")."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "prioritise_da.ts"
PO = ROOT / "resources" / "locale" / "da" / "LC_MESSAGES" / "prioritise.po"
WRONG = re.compile(r"what.if|hvad nu hvis", re.IGNORECASE)


def _danish_texts() -> list[tuple[str, str]]:
    out = []
    for m in ET.parse(TS).getroot().iter("message"):
        tr = m.find("translation")
        if tr is None or tr.get("type") in ("vanished", "obsolete"):
            continue
        texts = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
        out += [(m.findtext("source") or "", t) for t in texts]
    from babel.messages.pofile import read_po

    with PO.open("rb") as fh:
        for msg in read_po(fh, locale="da"):
            if msg.id:
                strs = msg.string if isinstance(msg.string, tuple) else (msg.string,)
                out += [(str(msg.id), s or "") for s in strs]
    return out


def test_what_if_has_one_danish_form() -> None:
    texts = _danish_texts()
    assert any("hvad-nu-hvis" in t.lower() for _, t in texts)
    bad = [(s, t) for s, t in texts if WRONG.search(t)]
    assert not bad, bad
