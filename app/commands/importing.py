"""``prioritise import PORTFOLIO SOURCE [--mapping MAP.json] [--sheet NAME] [--dry-run]
[--skip-invalid] [--json]`` (DESIGN §6, §9, §10): a writing command (takes the lock;
--dry-run only reads and takes none).

Exit 0 when imported (or, with ``--dry-run``, when it would import); 2 when refused,
with the problems on stderr, one per line with row, column and reason — the same problem
in many rows of a column once, naming the rows, and at most
``report.PROBLEM_LIMIT`` lines; ``--json`` lists every problem.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.services.importing import ImportRefused, import_source
from app.services.importing.report import plan_json, problem_lines, summary_lines


def run(args: argparse.Namespace) -> int | tuple[int, Any]:
    as_json = bool(getattr(args, "json", False))
    try:
        result = import_source(
            args.portfolio, args.source, mapping=args.mapping, sheet=args.sheet,
            dry_run=args.dry_run, skip_invalid=args.skip_invalid,
        )
    except ImportRefused as exc:
        if as_json:  # every problem, on stderr and in the document
            print(f"prioritise import: {exc}", file=sys.stderr)
            for problem in exc.problems:
                print(f"  {problem}", file=sys.stderr)
            return 2, plan_json(exc.plan, dry_run=args.dry_run, written=False)
        if args.dry_run:  # what would be imported, then the problems on stderr
            for line in summary_lines(exc.plan, exc.table, dry_run=True, problems=False):
                print(line)
            sys.stdout.flush()
        print(f"prioritise import: {exc}", file=sys.stderr)
        rows = None if exc.table is None else len(exc.table.rows)
        for line in problem_lines(exc.plan.all_problems(), rows=rows):
            print(f"  {line}", file=sys.stderr)
        return 2
    if as_json:
        return 0, plan_json(result.plan, dry_run=args.dry_run, written=result.written)
    for line in summary_lines(result.plan, result.table, dry_run=args.dry_run):
        print(line)
    return 0
