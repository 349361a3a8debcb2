"""Undo commands: each calls a service function that commits in one audited transaction."""
