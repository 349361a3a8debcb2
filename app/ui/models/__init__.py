"""Qt item models over plain service results (no database access in ``data()``)."""
