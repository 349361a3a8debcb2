"""Import of spreadsheets (CSV, XLSX) into a portfolio (DESIGN §9, §10). No Qt.

Modules: ``readers`` (file → header + raw cells with their rows), ``mapping`` (the
public mapping format), ``convert`` (cells → typed values + problems), ``validate`` (the
whole source against the portfolio → a plan), ``apply`` (the plan → the database),
``report`` (texts for --dry-run and refusals), ``service`` (the entry point).
"""

from __future__ import annotations

from app.services.importing.mapping import Mapping, MappingError, load_mapping, parse_mapping
from app.services.importing.plan import ImportPlan, ImportRecord, Problem
from app.services.importing.readers import SourceTable, read_source
from app.services.importing.service import (
    ImportRefused,
    ImportResult,
    import_into,
    import_source,
    plan_import,
    resolve_mapping,
)
from app.services.importing.validate import PortfolioState

__all__ = [
    "ImportPlan", "ImportRecord", "ImportRefused", "ImportResult", "Mapping", "MappingError",
    "PortfolioState", "Problem", "SourceTable", "import_into", "import_source", "load_mapping",
    "parse_mapping", "plan_import", "read_source", "resolve_mapping",
]
