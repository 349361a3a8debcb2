"""``prioritise ahp MATRIX.json [--json]`` (DESIGN §6): weights and consistency of a
pairwise-comparison matrix. Input ``{"criteria": [str], "matrix": [[float]]}``; an
inconsistent matrix is a valid answer (exit 0); a bad one exits 2 naming the cell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.services.ahp import analyse, fraction_text
from app.services.errors import UserError, ValidationError
from app.services.formatting import format_number, format_percent
from app.services.i18n import _, ngettext
from app.services.oserrors import os_error_text


def read_matrix(path: str) -> tuple[list[str], list[list[float]]]:
    """Read the ``ahp`` input file. Raises ``UserError`` saying what is wrong."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise UserError(_("The file does not exist: {path}").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise UserError(_("{path} is a folder, not a matrix file").format(path=path)) from exc
    except json.JSONDecodeError as exc:
        raise UserError(_("{path} is not valid JSON: line {line}, column {col}").format(
            path=path, line=exc.lineno, col=exc.colno)) from exc
    except UnicodeDecodeError as exc:
        raise UserError(_("{path} is not a JSON file: it is not UTF-8 text").format(
            path=path)) from exc
    except OSError as exc:
        raise UserError(_("Cannot read {path}: {error}").format(
            path=path, error=os_error_text(exc))) from exc
    if not isinstance(doc, dict) or "matrix" not in doc:
        raise UserError(_('{path}: expected {{"criteria": [...], "matrix": [[...]]}}').format(path=path))
    matrix = doc["matrix"]
    criteria = doc.get("criteria")
    if not isinstance(matrix, list) or not all(isinstance(r, list) for r in matrix):
        raise UserError(_("{path}: \"matrix\" must be a list of rows").format(path=path))
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise UserError(_("{path}: row {row}, column {col}: {value!r} is not a number")
                                .format(path=path, row=i + 1, col=j + 1, value=v))
    if criteria is None:
        criteria = [str(i + 1) for i in range(len(matrix))]
    if not isinstance(criteria, list) or not all(isinstance(c, str) for c in criteria):
        raise UserError(_("{path}: \"criteria\" must be a list of names").format(path=path))
    if len(set(criteria)) != len(criteria):
        raise UserError(_("{path}: the criteria names must differ").format(path=path))
    return criteria, matrix


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    criteria, matrix = read_matrix(args.matrix)
    try:
        result = analyse(matrix, criteria)
    except ValidationError as exc:
        if len(exc.problems) < 2:  # one problem: the file, then the problem, once
            raise UserError(f"{args.matrix}: {exc}") from exc
        # a headline naming the file, then each bad cell once (not the first one twice)
        raise ValidationError(ngettext("{path}: {n} bad judgement",
                                       "{path}: {n} bad judgements", len(exc.problems)).format(
            path=args.matrix, n=len(exc.problems)), exc.problems) from exc
    if args.json:
        return 0, result.to_json()
    width = max(len(c) for c in criteria)
    for c, w in zip(result.criteria, result.weights):
        # "64,8 %" in Danish, "64.8%" in English: the language's own percent notation
        print(f"{c:<{width}}  {format_percent(w, 1):>7}")
    print(_("λmax {lam}, CI {ci}, CR {cr}").format(
        lam=format_number(result.lambda_max, 3), ci=format_number(result.ci, 3),
        cr=format_number(result.cr, 3)))
    if result.consistent:
        print(_("Consistent (CR ≤ {limit})").format(limit=format_number(0.10, 2)))
    else:
        print(_("Not consistent (CR > {limit})").format(limit=format_number(0.10, 2)))
        s = result.suggestion
        if s is not None:
            print(_("Reconsider {row} versus {col}: {current} → {suggested} gives CR {cr}").format(
                row=s.row_name, col=s.col_name, current=fraction_text(s.current),
                suggested=fraction_text(s.suggested), cr=format_number(s.cr_after, 3)))
    return 0
