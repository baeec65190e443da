"""Desk's append-only tables (core.db.guards keeps their triggers in place): the loop's events. An erasure
may blank an event's note (desk.privacy); nothing else about an event ever changes."""

from desktop_app.core.db.guards import AppendOnly

TABLES = (AppendOnly("service_event", erasable=("note",)),)
