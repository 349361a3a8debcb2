"""``python -m app``: the same entry point as the ``prioritise`` command."""

from app.cli import main

raise SystemExit(main())
