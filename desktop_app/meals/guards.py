"""Meals' append-only tables (core.db.guards keeps their triggers in place; meals_0001 created them first):
the account ledger."""

from desktop_app.core.db.guards import AppendOnly

TABLES = (AppendOnly("meal_ledger", message="meal_ledger is append-only"),)
