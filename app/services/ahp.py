"""Pairwise comparison (AHP) as a workshop tool that proposes weights (DESIGN §6 ``ahp``, §7).

Method (Saaty 1977, 1980; Saaty 2008, Int. J. Services Sciences 1(1)): the weights are
the principal right eigenvector of the reciprocal judgement matrix, normalised to sum 1;
λmax its eigenvalue; CI = (λmax − n)/(n − 1); CR = CI / RI(n) with Saaty's random index;
consistent when CR ≤ 0.10. When inconsistent, the judgement whose change (to a value of
Saaty's 1–9 scale) lowers CR most is named.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from app.services.errors import ValidationError
from app.services.formatting import format_number
from app.services.i18n import _

#: Saaty's random index RI(n), n = 1…15 (DESIGN §6; Saaty 1980 / Alonso & Lamata tables)
SAATY_RI: tuple[float, ...] = (
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
)
#: CR at or below which a matrix is consistent (Saaty)
CR_THRESHOLD = 0.10
#: judgements allowed: 1/9 … 9
MIN_JUDGEMENT, MAX_JUDGEMENT = 1.0 / 9.0, 9.0
#: relative tolerance of a_ji · a_ij = 1
RECIPROCAL_TOLERANCE = 1e-6
#: Saaty's fundamental scale with reciprocals, the values a suggestion may take
SAATY_SCALE: tuple[float, ...] = tuple(
    sorted({float(v) for v in range(1, 10)} | {1.0 / v for v in range(2, 10)})
)


@dataclass(frozen=True)
class Suggestion:
    """The judgement whose change lowers CR most: cell (row, col) — indices and names —
    from ``current`` to ``suggested`` (a value of Saaty's scale), giving ``cr_after``."""

    row: int
    col: int
    row_name: str
    col_name: str
    current: float
    suggested: float
    cr_after: float


@dataclass(frozen=True)
class AhpResult:
    """Weights (sum 1, in the criteria's order), λmax, CI, CR, consistent (CR ≤ 0.10) and,
    when inconsistent, a ``Suggestion``."""

    criteria: list[str]
    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    consistent: bool
    suggestion: Suggestion | None

    def to_json(self) -> dict[str, object]:
        """The ``ahp`` JSON document of DESIGN §6 (plus ``suggestion``)."""
        doc: dict[str, object] = {
            "weights": {c: float(w) for c, w in zip(self.criteria, self.weights)},
            "lambda_max": self.lambda_max, "ci": self.ci, "cr": self.cr,
            "consistent": self.consistent,
        }
        s = self.suggestion
        doc["suggestion"] = None if s is None else {
            "row": s.row_name, "col": s.col_name, "current": s.current,
            "suggested": s.suggested, "cr_after": s.cr_after,
        }
        return doc


def fraction_text(value: float) -> str:
    """A judgement as users write it: 3 → "3", 0.333… → "1/3"."""
    if value >= 1:
        return f"{value:g}"
    f = Fraction(1.0 / value).limit_denominator(100)
    return f"1/{f}" if f.denominator == 1 else f"{value:.3g}"


def shown(value: float) -> str:
    """A judgement in a message, through ``app.services.formatting`` with as few decimals
    as it needs (at most 6): 3.0 → "3", 0.05 → "0,05" (da)."""
    if not np.isfinite(value):
        return str(value)
    for decimals in range(7):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return format_number(value, decimals)
    return format_number(value, 6)


def validate(matrix: list[list[float]] | np.ndarray, criteria: list[str] | None = None
             ) -> np.ndarray:
    """Check a judgement matrix; returns it as float64. Raises ``ValidationError`` listing
    every bad cell (row and column by criterion name): not square, not a number, not
    positive, outside [1/9, 9], diagonal not 1, or not reciprocal (a_ij·a_ji = 1 to 1e-6
    relative)."""
    if isinstance(matrix, list):
        n = len(matrix)
        for i, row in enumerate(matrix):
            if not isinstance(row, (list, tuple)) or len(row) != n:
                raise ValidationError(_("The matrix must be square: row {row} has {k} values, "
                                        "expected {n}").format(
                    row=i + 1, k=len(row) if isinstance(row, (list, tuple)) else 1, n=n))
    try:
        a = np.array(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("The matrix must hold numbers only")) from exc
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise ValidationError(_("The matrix must be square (n × n) and not empty"))
    n = a.shape[0]
    names = criteria if criteria is not None else [str(i + 1) for i in range(n)]
    if len(names) != n:
        raise ValidationError(_("{k} criteria named but the matrix is {n} × {n}").format(
            k=len(names), n=n))
    problems: list[str] = []

    def cell(i: int, j: int) -> str:
        return _("row {row}, column {col}").format(row=names[i], col=names[j])

    for i in range(n):
        for j in range(n):
            v = a[i, j]
            if not np.isfinite(v) or v <= 0:
                problems.append(_("{cell}: {value} is not a positive number").format(
                    cell=cell(i, j), value=shown(v)))
            elif v < MIN_JUDGEMENT * (1 - RECIPROCAL_TOLERANCE) or \
                    v > MAX_JUDGEMENT * (1 + RECIPROCAL_TOLERANCE):
                problems.append(_("{cell}: {value} is outside 1/9 … 9").format(
                    cell=cell(i, j), value=shown(v)))
            elif i == j and abs(v - 1.0) > RECIPROCAL_TOLERANCE:
                problems.append(_("{cell}: the diagonal must be 1, not {value}").format(
                    cell=cell(i, j), value=shown(v)))
    if not problems:
        for i in range(n):
            for j in range(i + 1, n):
                if abs(a[i, j] * a[j, i] - 1.0) > RECIPROCAL_TOLERANCE:
                    problems.append(_("{cell}: {value} is not the reciprocal of {other} "
                                      "(row {col}, column {row})").format(
                        cell=cell(i, j), value=shown(a[i, j]), other=shown(a[j, i]), row=names[i],
                        col=names[j]))
    if problems:
        raise ValidationError(problems[0], problems)
    return a


def principal(a: np.ndarray) -> tuple[np.ndarray, float]:
    """Principal right eigenvector (normalised to sum 1) and eigenvalue λmax of a
    positive matrix (Perron–Frobenius: real, positive, unique)."""
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)
    return w / w.sum(), float(values[k].real)


def consistency(lambda_max: float, n: int, ri: tuple[float, ...] = SAATY_RI
                ) -> tuple[float, float]:
    """(CI, CR) for λmax and n. CR is 0 when RI(n) is 0 (n ≤ 2: always consistent).
    Raises ``ValidationError`` when n exceeds the random-index table."""
    if n > len(ri):
        raise ValidationError(_("At most {max} criteria can be compared (random index table)")
                              .format(max=len(ri)))
    ci = (lambda_max - n) / (n - 1) if n > 1 else 0.0
    ci = max(0.0, ci)
    r = ri[n - 1]
    return ci, (ci / r if r > 0 else 0.0)


def _cr(a: np.ndarray, ri: tuple[float, ...]) -> float:
    return consistency(principal(a)[1], a.shape[0], ri)[1]


def suggest(a: np.ndarray, criteria: list[str], ri: tuple[float, ...] = SAATY_RI
            ) -> Suggestion | None:
    """The single judgement (and its reciprocal) whose change to a value of Saaty's scale
    lowers CR most; None when no change lowers it. Cost: n(n−1)/2 × 17 eigenproblems."""
    n = a.shape[0]
    base = _cr(a, ri)
    best: Suggestion | None = None
    for i in range(n):
        for j in range(i + 1, n):
            old = a[i, j]
            for v in SAATY_SCALE:
                if abs(v - old) <= RECIPROCAL_TOLERANCE * old:
                    continue
                b = a.copy()
                b[i, j], b[j, i] = v, 1.0 / v
                cr = _cr(b, ri)
                if cr < base - 1e-12 and (best is None or cr < best.cr_after - 1e-12):
                    best = Suggestion(i, j, criteria[i], criteria[j], float(old), float(v), cr)
    return best


def analyse(matrix: list[list[float]] | np.ndarray, criteria: list[str] | None = None, *,
            ri: tuple[float, ...] = SAATY_RI, threshold: float = CR_THRESHOLD) -> AhpResult:
    """Weights and consistency of a pairwise-comparison matrix (see module docstring).

    ``ri``: the random-index table (configurable). Raises ``ValidationError`` for a bad
    matrix. An inconsistent matrix is a valid answer (``consistent`` False + suggestion).
    """
    a = validate(matrix, criteria)
    n = a.shape[0]
    names = criteria if criteria is not None else [str(i + 1) for i in range(n)]
    w, lam = principal(a)
    ci, cr = consistency(lam, n, ri)
    ok = cr <= threshold
    return AhpResult(criteria=list(names), weights=w, lambda_max=lam, ci=ci, cr=cr,
                     consistent=ok, suggestion=None if ok else suggest(a, list(names), ri))


def matrix_from_judgements(keys: list[str], judgements: dict[tuple[str, str], float]
                           ) -> np.ndarray:
    """A full matrix from judgements {(row key, col key): value}, each pair given once
    (the reciprocal is filled in; a missing pair is 1, equal importance)."""
    idx = {k: i for i, k in enumerate(keys)}
    a = np.ones((len(keys), len(keys)))
    for (r, c), v in judgements.items():
        a[idx[r], idx[c]] = v
        a[idx[c], idx[r]] = 1.0 / v
    return a
