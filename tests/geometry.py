"""Geometry checks shared by the chart tests (screen and PDF)."""

from __future__ import annotations


def segment_hits_box(p, q, box, eps: float = 1e-9) -> bool:
    """Whether the segment p→q passes through the inside of the open box (x0, y0, x1, y1)
    (Liang–Barsky clipping: Liang and Barsky, "A new concept and method for line
    clipping", ACM TOG 3(1), 1984). Touching an edge does not count."""
    t0, t1 = 0.0, 1.0
    for k in (0, 1):
        d = q[k] - p[k]
        lo, hi = box[k], box[k + 2]
        if abs(d) < 1e-12:
            if not lo < p[k] < hi:
                return False
            continue
        a, b = sorted(((lo - p[k]) / d, (hi - p[k]) / d))
        t0, t1 = max(t0, a), min(t1, b)
    return t0 < t1 - eps
