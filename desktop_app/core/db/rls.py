"""Stations isolated by PostgreSQL itself: database roles and row-level security (docs/postgres.md).

The app scopes every query to the signed-in person's station (``scoping.py``); this makes the server do it
too, so a station PC's database credentials read and write only that station's rows — in SmileDesk, in
psql, in anything. The roles:

  owner                       owns the tables; runs ``smiledesk migrate`` and nothing else (bypasses RLS)
  smiledesk_app      NOLOGIN  SELECT/INSERT/UPDATE/DELETE on the tables (no DDL, no TRUNCATE, no triggers)
  smiledesk_station  NOLOGIN  member of smiledesk_app; sees the rows of *its* station only
  smiledesk_subdistrict       member of smiledesk_app; sees every station (the sub-district office's PCs)
  smiledesk_rollup   NOLOGIN  SELECT only, every station (figures for the sub-district's own tools)
  a login per station or PC   member of smiledesk_station, registered in ``smiledesk_login`` with its station

How the station is bound to the credentials: ``smiledesk_station()`` (SECURITY DEFINER, owned by the owner)
looks the login (``session_user``) up in ``smiledesk_login``, a table only the owner can read or write. Nothing the
station's connection can set (no session variable, no application_name) changes the answer, and a station
login cannot ``SET ROLE`` to a role it is not a member of. A station login that is missing from the table
sees nothing.

Tables are classified once, here (``tests/core/test_rls.py`` checks that every table is): a ``station_id``
column → the row's station; a table that hangs off a station-owned parent → visible when its parent is (the
parent's own policy decides, through ``EXISTS``); reference tables shared by every station → no policy
(``GLOBAL``). ``apply(conn)`` (re)creates everything and is idempotent: the migration ``subdistrict_0001``
runs it, and ``migrate()`` runs it again after every upgrade so a table added later gets its policy too.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import text

APP = "smiledesk_app"
STATION = "smiledesk_station"
SUBDISTRICT = "smiledesk_subdistrict"
ROLLUP = "smiledesk_rollup"
GROUPS = (APP, STATION, SUBDISTRICT, ROLLUP)
LOGIN_TABLE = "smiledesk_login"

# Tables without a station_id that belong to a station through a parent: table → (column, parent table).
PARENT: dict[str, tuple[str, str]] = {
    "certificate_print": ("certificate_id", "certificate"),
    "meal_balance_snapshot_row": ("recipient_id", "meal_recipient"),
    "meal_ledger": ("recipient_id", "meal_recipient"),
    "meal_order": ("recipient_id", "meal_recipient"),
    "meal_pause": ("recipient_id", "meal_recipient"),
    "meal_route_assignment": ("volunteer_resident_id", "resident"),
    "meal_welfare_check": ("recipient_id", "meal_recipient"),
    "meal_welfare_attempt": ("check_id", "meal_welfare_check"),
    "passport_honour": ("resident_id", "resident"),
    "passport_month_total": ("resident_id", "resident"),
    "passport_redemption": ("resident_id", "resident"),
    "passport_signup": ("resident_id", "resident"),
    "passport_wall_pref": ("resident_id", "resident"),
    "resident_search_key": ("resident_id", "resident"),
    "roster_assignment": ("volunteer_id", "roster_volunteer"),
    "roster_availability": ("volunteer_id", "roster_volunteer"),
    "roster_checkin": ("volunteer_id", "roster_volunteer"),
    "roster_hours_entry": ("volunteer_id", "roster_volunteer"),
    "roster_leave": ("volunteer_id", "roster_volunteer"),
    "roster_national_record": ("entry_id", "roster_hours_entry"),
    "roster_pairing": ("volunteer_id", "roster_volunteer"),
    "roster_shift": ("team_id", "roster_team"),
    "roster_shift_requirement": ("template_id", "roster_shift_template"),
    "roster_shift_template": ("team_id", "roster_team"),
    "roster_skill": ("volunteer_id", "roster_volunteer"),
    "roster_team_member": ("volunteer_id", "roster_volunteer"),
    "service_event": ("record_id", "service_record"),
}

# Reference data every station shares (no personal data, nothing of one station's).
GLOBAL = frozenset({
    "alembic_version", "calendar_day", "calendar_year", "certificate_image", "desk_category", "meal_balance_snapshot", "meal_price",
    "meal_subsidy_tier", "passport_honour_level",
})

# station_id NULL means "shared by every station": stations read those rows, and write only their own.
SHARED_WHEN_NULL = frozenset({"roster_hours_multiplier", "station_setting"})

# Rows every login may read and add but nobody changes: the database's identity, made by the first writer.
WRITE_ONCE = frozenset({"audit_meta"})

# The audit log: a station's own chain, and chain 0 — entries without a station (a failed sign-in before anyone is
# known, a PC's new key, the sub-district's own). core.audit appends those to chain 0 from any PC, and must read
# the chain's tail to do so; they hold no resident's data in clear (snapshots are sealed per person).
SYSTEM_CHAIN = "audit_entry"

# The one exception: the reference-data stamp (features.reference_stamp) is the database's, not a station's.
_SETTING_WRITE_NULL = "starts_with(key, 'reference.')"


def classify(table: str, columns: set[str]) -> str:
    """'station' (own station_id), 'parent', 'global', 'write-once', 'station-table' (the station table) or 'unknown'."""
    if table == "station":
        return "station-table"
    if table in GLOBAL:
        return "global"
    if table in WRITE_ONCE:
        return "write-once"
    if table in PARENT:
        return "parent"
    if "station_id" in columns:
        return "station"
    return "unknown"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_groups(conn) -> None:
    """The four group roles (cluster-wide: every SmileDesk database on the server shares them)."""
    for role in GROUPS:
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
        if exists is None:
            conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
    for member in (STATION, SUBDISTRICT):
        conn.exec_driver_sql(f"GRANT {APP} TO {member}")


def apply(conn) -> None:
    """Create or refresh the roles' privileges, the login table, ``smiledesk_station()`` and every table's
    policies. Runs as the owner (with CREATEROLE for the group roles the first time)."""
    schema = conn.execute(text("SELECT current_schema()")).scalar()
    ensure_groups(conn)
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {LOGIN_TABLE} (role_name name PRIMARY KEY, "
        "station_id integer REFERENCES station(id), kind varchar(12) NOT NULL DEFAULT 'station', "
        "note varchar(200) NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now())")
    conn.exec_driver_sql(
        f"CREATE OR REPLACE FUNCTION smiledesk_station() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER "
        f"SET search_path = pg_catalog, {_q(schema)} AS "
        f"$$ SELECT station_id FROM {_q(schema)}.{LOGIN_TABLE} WHERE role_name = session_user AND kind = 'station' $$")
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION smiledesk_station() FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION smiledesk_station() TO {APP}, {ROLLUP}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {_q(schema)} TO {APP}, {ROLLUP}")
    conn.exec_driver_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {_q(schema)} TO {APP}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {_q(schema)} TO {ROLLUP}")
    conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {_q(schema)} TO {APP}")
    conn.exec_driver_sql(f"REVOKE ALL ON {LOGIN_TABLE} FROM PUBLIC, {APP}, {ROLLUP}")
    conn.exec_driver_sql(f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {APP}")
    rows = conn.execute(text(
        "SELECT c.relname, array_agg(a.attname::text) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') GROUP BY c.relname")).all()
    for table, columns in rows:
        if table == LOGIN_TABLE:
            continue
        kind = classify(table, set(columns))
        _policies(conn, table, kind)


def _policies(conn, table: str, kind: str) -> None:
    t = _q(table)
    existing = [r[0] for r in conn.execute(text(
        "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() AND tablename = :t"), {"t": table})]
    for name in existing:
        if name.startswith("smiledesk_"):
            conn.exec_driver_sql(f"DROP POLICY {_q(name)} ON {t}")
    if kind in ("global", "unknown"):
        # 'unknown': a table nobody classified yet (tests/core/test_rls.py fails for it); no station data is
        # assumed, and it stays readable like before rather than breaking every station.
        conn.exec_driver_sql(f"ALTER TABLE {t} DISABLE ROW LEVEL SECURITY")
        return
    mine = "(SELECT smiledesk_station())"

    def policy(name: str, command: str, role: str, using: str | None, check: str | None = None) -> None:
        sql = f"CREATE POLICY {name} ON {t} FOR {command} TO {role}"
        if using is not None:
            sql += f" USING ({using})"
        if check is not None:
            sql += f" WITH CHECK ({check})"
        conn.exec_driver_sql(sql)

    conn.exec_driver_sql(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    if kind == "write-once":
        policy("smiledesk_read", "SELECT", f"{APP}, {ROLLUP}", "true")
        policy("smiledesk_insert", "INSERT", APP, None, "true")
        return
    policy("smiledesk_subdistrict", "ALL", SUBDISTRICT, "true", "true")
    policy("smiledesk_rollup", "SELECT", ROLLUP, "true")
    if kind == "station-table":
        policy("smiledesk_station_read", "SELECT", STATION, f"id = {mine}")
        policy("smiledesk_station_update", "UPDATE", STATION, f"id = {mine}", f"id = {mine}")
        return
    if kind == "parent":
        column, parent = PARENT[table]
        own = f"EXISTS (SELECT 1 FROM {_q(parent)} p WHERE p.id = {t}.{_q(column)})"  # the parent's policy decides
        policy("smiledesk_station", "ALL", STATION, own, own)
        return
    own = f"station_id = {mine}"
    if table == SYSTEM_CHAIN:  # append-only by its triggers: reading and adding are all there is
        policy("smiledesk_station_read", "SELECT", STATION, f"{own} OR station_id IS NULL")
        policy("smiledesk_station_insert", "INSERT", STATION, None, f"{own} OR station_id IS NULL")
        return
    if table in SHARED_WHEN_NULL:
        write = own if table != "station_setting" else f"{own} OR (station_id IS NULL AND {_SETTING_WRITE_NULL})"
        policy("smiledesk_station_read", "SELECT", STATION, f"{own} OR station_id IS NULL")
        policy("smiledesk_station_insert", "INSERT", STATION, None, write)
        policy("smiledesk_station_update", "UPDATE", STATION, write, write)
        policy("smiledesk_station_delete", "DELETE", STATION, write)
        return
    policy("smiledesk_station", "ALL", STATION, own, own)


# --- logins (the owner's maintenance: smiledesk station login …) ------------------------------------------

@dataclass(frozen=True)
class Login:
    role: str
    station_id: int | None
    kind: str  # 'station', 'subdistrict' or 'rollup'
    note: str = ""


KINDS = {"station": STATION, "subdistrict": SUBDISTRICT, "rollup": ROLLUP}


def valid_role_name(name: str) -> bool:
    return bool(name) and len(name) <= 63 and name.isascii() and (name[0].isalpha()) and all(
        c.isalnum() or c == "_" for c in name) and name.lower() == name


def create_login(conn, *, role: str, kind: str, station_id: int | None, password: str | None = None,
                 note: str = "") -> str:
    """A login role for a station (or one PC of it), the sub-district office or roll-up; returns its password
    (generated when not given). The password reaches the server as a SCRAM verifier, never in clear text."""
    if kind not in KINDS:
        raise ValueError(kind)
    if (kind == "station") != (station_id is not None):
        raise ValueError("a station login needs its station; the others have none")
    password = password or secrets.token_urlsafe(18)
    raw = conn.connection.dbapi_connection
    verifier = raw.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    verb = "ALTER" if exists else "CREATE"
    conn.exec_driver_sql(f"{verb} ROLE {_q(role)} LOGIN PASSWORD '{verifier}'")
    conn.exec_driver_sql(f"GRANT {KINDS[kind]} TO {_q(role)}")
    for other in set(KINDS.values()) - {KINDS[kind]}:
        conn.exec_driver_sql(f"REVOKE {other} FROM {_q(role)}")
    conn.execute(text(
        f"INSERT INTO {LOGIN_TABLE} (role_name, station_id, kind, note) VALUES (:r, :s, :k, :n) "
        "ON CONFLICT (role_name) DO UPDATE SET station_id = excluded.station_id, kind = excluded.kind, "
        "note = excluded.note"), {"r": role, "s": station_id, "k": kind, "n": note[:200]})
    return password


def drop_login(conn, role: str) -> bool:
    """Remove a login (its sessions end at their next statement: the role is gone). False if unknown."""
    found = conn.execute(text(f"DELETE FROM {LOGIN_TABLE} WHERE role_name = :r RETURNING 1"), {"r": role}).first()
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first()
    if exists is not None:
        conn.exec_driver_sql(f"DROP OWNED BY {_q(role)}")
        conn.exec_driver_sql(f"DROP ROLE {_q(role)}")
    return found is not None or exists is not None


def logins(conn) -> list[Login]:
    return [Login(*r) for r in conn.execute(text(
        f"SELECT role_name, station_id, kind, note FROM {LOGIN_TABLE} ORDER BY station_id NULLS FIRST, role_name"))]


@dataclass(frozen=True)
class Connection:
    """Who the connection is, as far as SmileDesk cares."""

    role: str
    kind: str  # 'owner' (owns the tables or superuser), 'station', 'subdistrict', 'rollup', 'other'
    station_id: int | None = None


def login_kind(engine) -> str | None:
    """``who(...).kind`` of a new connection of ``engine`` (None on SQLite; 'other' on a server without the
    sub-district roles, e.g. before ``subdistrict_0001``)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        groups = conn.execute(text("SELECT count(*) FROM pg_roles WHERE rolname = ANY(CAST(:g AS text[]))"),
                              {"g": list(GROUPS)}).scalar()
        if groups < len(GROUPS):
            return "other"
        return who(conn).kind


def who(conn) -> Connection:
    """The connection's role and what it may see (PostgreSQL only)."""
    role, superuser = conn.execute(text(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
    owns = conn.execute(text(
        "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'station' "
        "AND tableowner = current_user")).first()
    if superuser or owns is not None:
        return Connection(role, "owner")
    has = conn.execute(text(
        "SELECT pg_has_role(current_user, r, 'MEMBER') FROM unnest(CAST(:roles AS text[])) AS r"),
        {"roles": [STATION, SUBDISTRICT, ROLLUP]}).scalars().all()
    if has[0]:
        station = conn.execute(text("SELECT smiledesk_station()")).scalar()
        return Connection(role, "station", station)
    if has[1]:
        return Connection(role, "subdistrict")
    if has[2]:
        return Connection(role, "rollup")
    return Connection(role, "other")
