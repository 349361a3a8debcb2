#!/usr/bin/env python3
"""Render the README's view screenshots again, from the demo and the real GMPP import.

    python scripts/screenshots.py [--only demo|gmpp|gmpp-frame50bn ...] [--views table ranking ...]

Writes ``docs/screenshots/<portfolio>_<view>_<lang>_<size>.png``: Danish at 1280×720 and
English at 1920×1080 (issue 5), through ``prioritise gui FILE --view V --screenshot PNG``,
the same path a user takes. The portfolios are made in a temporary folder:

- ``demo``: ``prioritise demo``;
- ``gmpp``: ``prioritise import`` of ``../shared/data/uk_gmpp_2023_full.csv`` with
  ``resources/mappings/uk_gmpp_full.json`` (244 projects, no budget frame);
- ``gmpp-frame50bn``: the same with a total frame of 50 bn GBP on the default scenario.

The initiative editor's tabs and the pairwise workshop were captured by hand in the GUI and
are not made here; charts and slides come from the charts' own screenshot tests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
DATA = ROOT.parent / "shared" / "data"
VIEWS = ("table", "initiative", "weights", "ranking", "selection", "compare", "budget")
MODES = (("da", "1280x720"), ("en", "1920x1080"))
FRAME_50BN = 50e9  # GBP: a frame below the 471.8 bn of the GMPP's whole-life costs


def _app(*args: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "app", *args], check=True, cwd=ROOT, env=env)


def _gmpp(folder: Path) -> Path:
    path = folder / "gmpp.portfolio"
    _app("import", str(path), str(DATA / "uk_gmpp_2023_full.csv"),
         "--mapping", str(ROOT / "resources" / "mappings" / "uk_gmpp_full.json"))
    return path


def _with_frame(source: Path, target: Path, amount: float) -> Path:
    """A copy of ``source`` whose default scenario has one total frame of ``amount``."""
    sys.path.insert(0, str(ROOT))
    from app.services import scenarios
    from app.services.store import open_portfolio

    target.write_bytes(source.read_bytes())
    with open_portfolio(target) as pf, pf.session(context="skærmbilleder") as s:
        sc = scenarios.get_scenario(s, None)
        scenarios.set_frames(s, sc.id, [scenarios.FrameSpec(amount=amount)])
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=["demo", "gmpp", "gmpp-frame50bn"])
    parser.add_argument("--views", nargs="*", default=list(VIEWS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="prioritise-shots-") as tmp:
        folder = Path(tmp)
        files: dict[str, Path] = {}
        if "demo" in args.only:
            files["demo"] = folder / "demo.portfolio"
            _app("demo", str(files["demo"]))
        if {"gmpp", "gmpp-frame50bn"} & set(args.only):
            gmpp = _gmpp(folder)
            if "gmpp" in args.only:
                files["gmpp"] = gmpp
            if "gmpp-frame50bn" in args.only:
                files["gmpp-frame50bn"] = _with_frame(gmpp, folder / "gmpp50.portfolio",
                                                      FRAME_50BN)
        for name, path in files.items():
            views = args.views if name != "gmpp-frame50bn" else [
                v for v in args.views if v in ("selection", "budget")]
            for view in views:
                for lang, size in MODES:
                    out = SHOTS / f"{name}_{view}_{lang}_{size}.png"
                    _app("gui", str(path), "--view", view, "--lang", lang, "--size", size,
                         "--screenshot", str(out))
                    print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
