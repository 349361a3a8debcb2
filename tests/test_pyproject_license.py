"""pyproject.toml gives the licence as an SPDX expression string (PEP 639): the table form
``{ text = "MIT" }`` makes setuptools ≥ 77 print a deprecation warning on every
``pip install``, and the string form needs setuptools ≥ 77 as the build requirement."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_license_is_an_spdx_string_and_setuptools_can_read_it() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["license"] == "MIT"
    req = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
    m = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", req[0])
    assert m and int(m.group(1)) >= 77, req
