"""Rosters' append-only tables (core.db.guards keeps their triggers in place): the hours ledger. An erasure
may blank an entry's reason (rosters.privacy); nothing else about an entry ever changes."""

from desktop_app.core.db.guards import AppendOnly

TABLES = (AppendOnly("roster_hours_entry", erasable=("reason",)),)
