"""A normalised description of a database schema, for comparing a new portfolio with an
upgraded one (column order and the SQL text's spelling do not matter; everything else does).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, inspect


def _sql(text: str | None) -> str:
    return re.sub(r"[\s\"'()]+", "", (text or "")).lower()


def _type(column: dict[str, Any]) -> str:
    return re.sub(r"\s+", "", str(column["type"])).upper()


def schema_snapshot(engine: Engine) -> dict[str, Any]:
    """Tables → columns (type, nullable, server default), primary key, foreign keys,
    unique constraints, indexes and CHECK constraints, each as a sorted list (so a
    duplicated constraint shows), without ``alembic_version``."""
    insp = inspect(engine)
    out: dict[str, Any] = {}
    for table in sorted(insp.get_table_names()):
        if table == "alembic_version":
            continue
        columns = {
            c["name"]: (_type(c), bool(c["nullable"]), _sql(c.get("default")))
            for c in insp.get_columns(table)
        }
        pk = insp.get_pk_constraint(table)
        fks = sorted(
            (fk.get("name") or "", tuple(fk["constrained_columns"]), fk["referred_table"],
             tuple(fk["referred_columns"]), (fk.get("options") or {}).get("ondelete", "") or "")
            for fk in insp.get_foreign_keys(table)
        )
        uniques = sorted(
            (u.get("name") or "", tuple(u["column_names"])) for u in insp.get_unique_constraints(table)
        )
        indexes = sorted(
            (i.get("name") or "", tuple(i["column_names"]), bool(i["unique"]))
            for i in insp.get_indexes(table)
            if not (i.get("name") or "").startswith("sqlite_autoindex")
            and not i.get("duplicates_constraint")
        )
        checks = sorted((c.get("name") or "", _sql(c["sqltext"])) for c in insp.get_check_constraints(table))
        out[table] = {
            "columns": columns,
            "pk": (pk.get("name") or "", tuple(pk["constrained_columns"])),
            "fks": fks,
            "uniques": uniques,
            "indexes": indexes,
            "checks": checks,
        }
    return out


def schema_differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    """Readable differences between two snapshots (empty when equal)."""
    diffs: list[str] = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            diffs.append(f"table {table}: only in {'second' if table not in a else 'first'}")
            continue
        for key in ("columns", "pk", "fks", "uniques", "indexes", "checks"):
            if key == "columns":
                for col in sorted(set(a[table][key]) | set(b[table][key])):
                    x, y = a[table][key].get(col), b[table][key].get(col)
                    if x != y:
                        diffs.append(f"{table}.{col}: {x} != {y}")
            elif a[table][key] != b[table][key]:
                diffs.append(f"{table} {key}: {a[table][key]} != {b[table][key]}")
    return diffs
