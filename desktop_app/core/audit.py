"""Append-only, hash-chained audit log: who did what, when, with the values before and after.

``record`` is called by services inside the same transaction as the change it describes, so the log and the
data can never disagree. The log holds against a person who has the database file:

* one chain per station (``chain``: the station's id, 0 for entries of no station), entries numbered by
  ``seq`` and linked by ``prev_hash``; a writer locks only its own chain (PostgreSQL: an advisory lock on the
  station, held to commit), so stations write in parallel;
* keyed: each hash is an HMAC-SHA256 with the audit key, kept outside the database (``core.audit_keys``),
  over the entry, its place in the chain and the database's identity — recomputing a chain needs the key;
* anchored: the heads and counts of the chains are kept outside the database, on each PC and in every
  backup's manifest (``core.audit_anchors``), so deleting the newest entries is told;
* append-only in the database itself (triggers, ``core.db.guards``, recreated at open);
* personal data in snapshots encrypted with a key per person (``core.audit_subjects``), destroyed on erasure.

Entries written before (``scheme`` 1: one unkeyed SHA-256 chain over the whole database, in id order) keep
verifying as they are; the first keyed entry of every chain links to the last of them, so from then on they
cannot be rewritten unnoticed either.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, SQLModel, col, func, select

from desktop_app.core import audit_anchors, audit_keys, audit_subjects
from desktop_app.core.clock import utcnow
from desktop_app.core.db.guards import AppendOnly, declare
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Finding, Text
from desktop_app.core.models import AuditEntry

if TYPE_CHECKING:
    from desktop_app.core.auth import Actor

LEGACY, KEYED = 1, 2
KEY_LOST = "audit_key_lost"  # the action of safety.audit_keys.declare_key_lost
LOCK_CLASS = 727274  # pg_advisory_xact_lock(LOCK_CLASS, chain): one lock per station's chain
personal_entity = audit_subjects.personal_entity

declare(AppendOnly("audit_entry", message="audit_entry is append-only"))


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def snapshot(value: Any) -> str | None:
    """JSON text of a model, dataclass or dict, stable for hashing."""
    if value is None:
        return None
    if isinstance(value, SQLModel):
        value = value.model_dump()
    elif is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_default)


# --- digests ---------------------------------------------------------------------------------------


def _legacy_digest(entry: AuditEntry) -> str:
    at = entry.at.isoformat() if entry.at else ""
    payload = "\x1f".join([
        entry.prev_hash or "", at, str(entry.actor_id or ""), entry.actor_name or "", str(entry.station_id or ""),
        entry.action, entry.entity, entry.entity_id or "", entry.before or "", entry.after or "",
    ])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _keyed_payload(db_id: str, entry: AuditEntry) -> bytes:
    fields = ["smiledesk-audit/2", db_id, entry.chain, entry.seq, entry.prev_hash, entry.at.isoformat() if entry.at else "",
              entry.actor_id, entry.actor_name, entry.station_id, entry.action, entry.entity, entry.entity_id,
              entry.subject, entry.key_id, entry.before, entry.after]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# --- writing ---------------------------------------------------------------------------------------


@dataclass
class _Writer:
    database_id: str
    key_id: str
    key: bytes


def _lock_chain(s: Session, chain: int) -> None:
    """Two writers of one chain must not read the same tail: PostgreSQL queues them on the station's lock
    (other stations' writers pass); a SQLite writing transaction holds the file's write lock already."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:cls, :chain)"), {"cls": LOCK_CLASS, "chain": chain})


def _writer(s: Session) -> _Writer:
    cached = s.info.get("audit_writer")
    if cached is not None:
        return cached
    db_id = audit_keys.database_id(s, create=True)
    assert db_id is not None
    current = audit_keys.current_key(db_id)
    made = current is None
    if current is None:
        current = audit_keys.new_key(db_id)
    writer = _Writer(db_id, *current)
    s.info["audit_writer"] = writer
    if made:  # say in the log itself that this PC started writing with a key of its own
        _append(s, writer, actor=None, action="audit_key", entity="audit", entity_id=writer.key_id,
                before=None, after=json.dumps({"key_id": writer.key_id}), subject="")
    return writer


def _tail(s: Session, chain: int) -> tuple[int, str]:
    last = s.exec(
        select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.chain == chain, col(AuditEntry.seq).is_not(None))
        .order_by(col(AuditEntry.seq).desc()).limit(1)
    ).first()
    if last is not None:
        return int(last[0] or 0), last[1]
    recorded = _recorded_legacy(s)  # what every login can read; a station's login sees only its own rows
    return 0, recorded[1] if recorded is not None else _legacy_head_seen(s)


def _legacy_head_seen(s: Session) -> str:
    legacy = s.exec(select(AuditEntry.hash).where(AuditEntry.scheme == LEGACY).order_by(col(AuditEntry.id).desc()).limit(1)).first()
    return legacy or ""


def _recorded_legacy(s: Session) -> tuple[int, str] | None:
    """(count, head) of the unkeyed entries as the upgrade recorded them (migration security_0002); None on a
    database migrated before it recorded them."""
    from desktop_app.core.models import AuditMeta

    head, count = s.get(AuditMeta, "legacy_head"), s.get(AuditMeta, "legacy_count")
    if head is None or count is None or not count.value.isdigit():
        return None
    return int(count.value), head.value


def _sees_every_row(s: Session) -> bool:
    """False for a sub-district server's station login: row-level security shows it its own station's rows."""
    if s.get_bind().dialect.name != "postgresql":
        return True
    return not s.connection().execute(text("SELECT row_security_active('audit_entry')")).scalar()


def _append(s: Session, writer: _Writer, *, actor: Actor | None, action: str, entity: str, entity_id: str,
            before: str | None, after: str | None, subject: str) -> AuditEntry:
    station = actor.station_id if actor else None
    chain = station or 0
    _lock_chain(s, chain)
    seq, prev = _tail(s, chain)
    if subject:
        before = audit_subjects.seal(s, subject, station, before)
        after = audit_subjects.seal(s, subject, station, after)
    entry = AuditEntry(
        at=utcnow(), actor_id=actor.id if actor else None, actor_name=actor.username if actor else "",
        station_id=station, action=action[:30], entity=entity[:50], entity_id=entity_id[:50], before=before, after=after,
        prev_hash=prev, hash="", chain=chain, seq=seq + 1, scheme=KEYED, key_id=writer.key_id, subject=subject[:60],
    )
    entry.hash = audit_keys.mac(writer.key, _keyed_payload(writer.database_id, entry))
    s.add(entry)
    s.flush()
    _pending(s).append((_transaction(s), writer.database_id, chain, entry.seq, entry.hash))
    return entry


def record(
    s: Session,
    *,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
    subject: str | None = None,
) -> AuditEntry:
    """Append an entry to the actor's station's chain. ``subject`` names whose personal data the snapshots
    hold (encrypted with that person's key); None: found from the entity and the snapshots; "": nobody's."""
    writer = _writer(s)
    entity_id = "" if entity_id is None else str(entity_id)
    if subject is None:
        subject = audit_subjects.subject_for(entity, entity_id, (before, after))
    before_text = before if isinstance(before, str) or before is None else snapshot(before)
    after_text = after if isinstance(after, str) or after is None else snapshot(after)
    return _append(s, writer, actor=actor, action=action, entity=entity, entity_id=entity_id,
                   before=before_text, after=after_text, subject=subject)


def forget_subject(s: Session, subject: str) -> bool:
    """Erasure: destroy the key of ``subject``'s snapshots (they become unreadable; the chain still verifies)."""
    return audit_subjects.forget(s, subject)


def readable(s: Session, entry: AuditEntry) -> tuple[str | None, str | None]:
    """(before, after) of an entry as written, or the erased marker where the person's key is gone."""
    if not entry.subject:
        return entry.before, entry.after
    return audit_subjects.unseal(s, entry.subject, entry.before), audit_subjects.unseal(s, entry.subject, entry.after)


# --- anchoring on commit -----------------------------------------------------------------------------


def _transaction(s: Session):
    return s.get_nested_transaction() or s.get_transaction()


def _pending(s: Session) -> list:
    return s.info.setdefault("audit_pending", [])


def _after_commit(session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released into its transaction: not committed yet
    pending = session.info.pop("audit_pending", None)
    session.info.pop("audit_writer", None)
    if not pending:
        return
    heads: dict[str, dict[int, tuple[int, str]]] = {}
    for _txn, db_id, chain, seq, h in pending:
        chains = heads.setdefault(db_id, {})
        if chains.get(chain, (0, ""))[0] < seq:
            chains[chain] = (seq, h)
    for db_id, chains in heads.items():
        audit_anchors.note(db_id, chains)


def _after_rollback(session, previous) -> None:
    pending = session.info.get("audit_pending")
    if previous.parent is None:
        session.info.pop("audit_pending", None)
        session.info.pop("audit_writer", None)
        session.info.pop("audit_subject_keys", None)
        return
    if not pending:
        return

    def inside(txn) -> bool:
        while txn is not None:
            if txn is previous:
                return True
            txn = txn.parent
        return False

    session.info["audit_pending"] = [p for p in pending if not inside(p[0])]
    session.info.pop("audit_subject_keys", None)  # a key row made in the savepoint is gone with it


event.listen(OrmSession, "after_commit", _after_commit)
event.listen(OrmSession, "after_soft_rollback", _after_rollback)


# --- verifying ---------------------------------------------------------------------------------------


@dataclass
class ChainReport:
    """What ``verify`` found: problems (empty: intact), and what could not be checked on this PC."""

    problems: list[Finding]
    chains: dict[int, tuple[int, str]]
    legacy: tuple[int, str]
    database_id: str | None
    missing_keys: dict[str, int]  # key id -> entries written with it that this PC cannot check
    lost_keys: dict[str, str] = field(default_factory=dict)  # key id -> who declared it lost, when, why

    def all_problems(self) -> list[Finding]:
        out = list(self.problems)
        for kid, n in sorted(self.missing_keys.items()):
            if kid in self.lost_keys:
                continue  # declared lost in the log itself (declare_key_lost): told by notes(), not a problem
            out.append(Finding(QT_TRANSLATE_NOOP(
                "Checks", "audit key {key} is not on this computer: the content of {n} entries written with it could not "
                "be checked (only their order and count). Import it from a PC that has it: smiledesk audit-key export "
                "FILE there, smiledesk audit-key import FILE here (or set SMILEDESK_AUDIT_KEY). If no PC has it any "
                "more: smiledesk audit-key lost KEY --reason …"), key=kid, n=n))
        return out

    def notes(self) -> list[str]:
        return [f"audit key {kid} was declared lost ({self.lost_keys[kid]}): the order and count of its "
                f"{n} entries are checked, their content cannot be" for kid, n in sorted(self.missing_keys.items())
                if kid in self.lost_keys]


def _label(chain: int) -> str:
    return (Text("Checks", QT_TRANSLATE_NOOP("Checks", "no station")) if chain == 0
            else Finding(QT_TRANSLATE_NOOP("Checks", "station {station}"), station=chain))


def verify(s: Session, *, batch: int = 5000) -> ChainReport:
    """Recompute every entry: the legacy chain in id order, each keyed chain in seq order."""
    problems: list[Finding] = []
    db_id = audit_keys.database_id(s)
    keys = audit_keys.known_keys(db_id) if db_id else {}
    missing: dict[str, int] = {}
    lost: dict[str, str] = {}
    prev, last_id, legacy_count = "", 0, 0
    recorded = _recorded_legacy(s)
    whole = _sees_every_row(s)
    while whole:
        rows = s.exec(select(AuditEntry).where(col(AuditEntry.id) > last_id, AuditEntry.scheme == LEGACY)
                      .order_by(col(AuditEntry.id)).limit(batch)).all()
        if not rows:
            break
        for entry in rows:
            if entry.prev_hash != prev:
                problems.append(Finding(QT_TRANSLATE_NOOP(
                    "Checks", "audit entry {id}: does not follow the previous entry (deleted or reordered)"), id=entry.id))
            if _legacy_digest(entry) != entry.hash:
                problems.append(Finding(QT_TRANSLATE_NOOP(
                    "Checks", "audit entry {id}: content was changed after it was written"), id=entry.id))
            prev = entry.hash
            last_id = entry.id or last_id
            legacy_count += 1
    legacy_head = prev
    if not whole:  # a station's login: its own chain is checked; the unkeyed entries of every station are not its to see
        legacy_count, legacy_head = recorded or (0, "")
    elif recorded is not None and recorded != (legacy_count, legacy_head):
        problems.append(Finding(QT_TRANSLATE_NOOP(
            "Checks", "audit log: the entries written before the keyed chain were {recorded} when the database was "
            "upgraded; {now} are there now, or the last of them differs — deleted or rewritten"),
            recorded=recorded[0], now=legacy_count))
    others = s.exec(select(func.count()).select_from(AuditEntry).where(col(AuditEntry.scheme).not_in([LEGACY, KEYED]))).one()
    if others:
        problems.append(Finding(QT_TRANSLATE_NOOP(
            "Checks", "audit log: {n} entries of an unknown kind (written by another program)"), n=others))
    chains: dict[int, tuple[int, str]] = {}
    for chain in s.exec(select(AuditEntry.chain).where(AuditEntry.scheme == KEYED).distinct().order_by(col(AuditEntry.chain))).all():
        expected, prev = 1, legacy_head
        while True:
            rows = s.exec(select(AuditEntry).where(AuditEntry.chain == chain, AuditEntry.scheme == KEYED,
                                                   col(AuditEntry.seq) >= expected)
                          .order_by(col(AuditEntry.seq)).limit(batch)).all()
            if not rows:
                break
            for entry in rows:
                if entry.seq != expected:
                    problems.append(Finding(QT_TRANSLATE_NOOP(
                        "Checks", "audit chain of {chain}: entries {first}–{last} are missing (deleted)"),
                        chain=_label(chain), first=expected, last=(entry.seq or 0) - 1))
                elif entry.prev_hash != prev:
                    problems.append(Finding(QT_TRANSLATE_NOOP(
                        "Checks", "audit chain of {chain}: entry {seq} does not follow entry {previous} "
                        "(deleted, reordered or rewritten)"), chain=_label(chain), seq=entry.seq, previous=expected - 1))
                key = keys.get(entry.key_id) if db_id else None
                if key is None:
                    missing[entry.key_id or "?"] = missing.get(entry.key_id or "?", 0) + 1
                elif audit_keys.mac(key, _keyed_payload(db_id or "", entry)) != entry.hash:
                    problems.append(Finding(QT_TRANSLATE_NOOP(
                        "Checks", "audit chain of {chain}: entry {seq} (id {id}) was changed after it was written"),
                        chain=_label(chain), seq=entry.seq, id=entry.id))
                elif entry.action == KEY_LOST and entry.entity == "audit_key":
                    # only a declaration this PC can verify counts: one written with an unknown key proves nothing
                    why = _reason_of(entry.after) if not entry.subject else ""
                    lost[entry.entity_id] = f"{entry.at:%Y-%m-%d} by {entry.actor_name or 'system'}: {why}"
                prev = entry.hash
                expected = (entry.seq or 0) + 1
        chains[chain] = (expected - 1, prev)
    keyed_without_id = db_id is None and bool(chains)
    if keyed_without_id:
        problems.append(Finding(QT_TRANSLATE_NOOP(
            "Checks", "audit log: keyed entries exist but the database's identity (audit_meta) was removed")))
    return ChainReport(problems, chains, (legacy_count, legacy_head), db_id, missing, lost)


def _reason_of(after: str | None) -> str:
    try:
        data = json.loads(after or "{}")
    except ValueError:
        return ""
    return str(data.get("reason", "")) if isinstance(data, dict) else ""

def verify_chain(s: Session, *, batch: int = 5000) -> list[Finding]:
    """Problems found in the chains (empty list: intact), including entries this PC has no key to check.
    English as str, translated where shown (Finding.text()). Anchors are compared by ``check_anchors``."""
    return verify(s, batch=batch).all_problems()


def last_restore(s: Session) -> datetime | None:
    """When the database was last restored from a backup (an audited, keyed entry): older anchors are superseded."""
    return s.exec(select(func.max(AuditEntry.at)).where(AuditEntry.action == "restore", AuditEntry.entity == "database",
                                                        AuditEntry.scheme == KEYED)).one()


def check_anchors(s: Session, report: ChainReport, anchors: list[audit_anchors.Anchor]) -> list[Finding]:
    """What the database lacks against anchors kept outside it (the per-PC anchor, backup manifests)."""
    restored = last_restore(s)

    def hash_at(chain: int, seq: int) -> str | None:
        return s.exec(select(AuditEntry.hash).where(AuditEntry.chain == chain, AuditEntry.seq == seq)).first()

    out: list[Finding] = []
    for anchor in anchors:
        for problem in audit_anchors.compare(anchor, report.chains, report.legacy, hash_at, restored_at=restored):
            if problem not in out:
                out.append(problem)
    return out


def history(s: Session, *, entity: str, entity_id: Any, limit: int = 200) -> list[AuditEntry]:
    return list(
        s.exec(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
            .order_by(col(AuditEntry.id).desc())
            .limit(limit)
        )
    )


def record_guards_restored(engine, tables: list[str]) -> None:
    """Note in the log that the append-only triggers of ``tables`` were missing at open and were recreated."""
    from desktop_app.core.db import session_scope

    try:
        with session_scope(engine) as s:
            record(s, actor=None, action="guards_restored", entity="database", entity_id="",
                   after={"tables": sorted(tables)}, subject="")
    except Exception:  # noqa: BLE001 - a log entry must never stop the database from opening
        import logging

        logging.getLogger(__name__).exception("could not record the recreated triggers")
