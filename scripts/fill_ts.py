#!/usr/bin/env python3
"""Fill unfinished translations in the Qt .ts file from a JSON object {source: Danish}.

    python scripts/fill_ts.py translations.json      (then: python scripts/i18n.py ui)

Only messages whose translation is unfinished are touched; prints what is still missing.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "prioritise_da.ts"


def main(path: str) -> None:
    mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in mapping:
            translation.text = mapping[source]
            del translation.attrib["type"]
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("missing:", source)


if __name__ == "__main__":
    main(sys.argv[1])
