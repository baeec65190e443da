"""Passports' append-only tables (core.db.guards keeps their triggers in place; passports_0002 created them
first): the stamp ledger."""

from desktop_app.core.db.guards import AppendOnly

TABLES = (AppendOnly("passport_stamp"),)
