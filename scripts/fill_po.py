#!/usr/bin/env python3
"""Fill untranslated entries of the services' Danish catalogue from a JSON object
{msgid: Danish} (plural entries: {msgid: [singular, plural]}).

    python scripts/i18n.py services && python scripts/fill_po.py translations.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parents[1] / "resources" / "locale" / "da" / "LC_MESSAGES" / "prioritise.po"


def main(path: str) -> None:
    mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    with PO.open("rb") as fh:
        catalog = read_po(fh, locale="da")
    for message in catalog:
        if not message.id:
            continue
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        done = all(message.string) if isinstance(message.string, tuple) else bool(message.string)
        if done or key not in mapping:
            continue
        value = mapping[key]
        message.string = tuple(value) if isinstance(message.id, tuple) else value
        message.flags.discard("fuzzy")
    with PO.open("wb") as fh:
        write_po(fh, catalog, width=100)
    left = [m.id for m in catalog if m.id and not (
        all(m.string) if isinstance(m.string, tuple) else m.string)]
    for msgid in left:
        print("missing:", msgid)


if __name__ == "__main__":
    main(sys.argv[1])
