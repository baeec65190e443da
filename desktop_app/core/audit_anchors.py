"""Anchors of the audit chain outside the database: how many entries each chain had, and its newest hash.

Qt-free. Deleting the newest entries of a hash chain leaves a shorter chain that still verifies; an anchor
kept elsewhere tells it. Two kinds:

* the per-PC anchor, ``anchor-<database id>.json`` in ``core.keystore`` (outside the data folder), brought up
  to date after every transaction that wrote audit entries on this PC (``note``);
* every backup's manifest, ``<backup>.manifest.json`` beside the backup (``write_manifest``).

An anchor is ``{"database_id", "taken_at", "chains": {chain: [seq, hash]}, "legacy": [count, hash]}`` plus
``mac`` (HMAC with the audit key, when this PC has one). ``compare`` lists what the database lacks.
Anchors taken before the newest audited restore are superseded by it (the restore is in the keyed chain).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop_app.core import audit_keys, keystore
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Finding, Text

FORMAT = "smiledesk-audit-anchor/1"
MANIFEST_SUFFIX = ".manifest.json"
LEGACY = "legacy"


@dataclass
class Anchor:
    database_id: str
    taken_at: str  # ISO time, UTC
    chains: dict[int, tuple[int, str]] = field(default_factory=dict)
    legacy: tuple[int, str] = (0, "")
    source: str = ""  # where it was read from (for messages)
    mac_ok: bool | None = None  # None: no key here to check it

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "database_id": self.database_id, "taken_at": self.taken_at,
                "chains": {str(c): [seq, h] for c, (seq, h) in sorted(self.chains.items())},
                "legacy": list(self.legacy)}


def _canonical(data: dict[str, Any]) -> bytes:
    body = {k: v for k, v in data.items() if k not in ("mac", "key_id")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _sealed(anchor: Anchor, extra: dict[str, Any] | None = None) -> bytes:
    data = {**anchor.to_json(), **(extra or {})}
    key = audit_keys.current_key(anchor.database_id)
    if key is not None:
        data["key_id"] = key[0]
        data["mac"] = audit_keys.mac(key[1], _canonical(data))
    return json.dumps(data, sort_keys=True, indent=1).encode("utf-8")


def parse(text: str | bytes, source: str = "") -> Anchor | None:
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        chains = {int(c): (int(v[0]), str(v[1])) for c, v in data.get("chains", {}).items()}
        legacy = data.get("legacy") or [0, ""]
        anchor = Anchor(str(data["database_id"]), str(data["taken_at"]), chains, (int(legacy[0]), str(legacy[1])), source)
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    keys = audit_keys.known_keys(anchor.database_id)
    key = keys.get(str(data.get("key_id", "")))
    if key is not None:
        anchor.mac_ok = audit_keys.mac(key, _canonical(data)) == data.get("mac")
    return anchor


# --- the database's heads ---------------------------------------------------------------------------

HEADS_SQL = ("SELECT a.chain, a.seq, a.hash FROM audit_entry a JOIN (SELECT chain, MAX(seq) AS seq FROM audit_entry "
             "WHERE seq IS NOT NULL GROUP BY chain) m ON a.chain = m.chain AND a.seq = m.seq")
LEGACY_SQL = "SELECT COUNT(*), MAX(id) FROM audit_entry WHERE scheme = 1"
LEGACY_HEAD_SQL = "SELECT hash FROM audit_entry WHERE scheme = 1 ORDER BY id DESC LIMIT 1"
DATABASE_ID_SQL = "SELECT value FROM audit_meta WHERE name = 'database_id'"
RECORDED_LEGACY_SQL = "SELECT name, value FROM audit_meta WHERE name IN ('legacy_head', 'legacy_count')"


def heads_of(execute) -> tuple[str | None, dict[int, tuple[int, str]], tuple[int, str]]:
    """(database id, chain heads, legacy (count, head)) through ``execute(sql) -> rows`` (a DB-API cursor's
    or a SQLAlchemy connection's), so a backup file is read the same way as the live database."""
    found = list(execute(DATABASE_ID_SQL))
    db_id = str(found[0][0]) if found else None
    chains = {int(c): (int(seq), str(h)) for c, seq, h in execute(HEADS_SQL)}
    recorded = dict(execute(RECORDED_LEGACY_SQL))  # by the upgrade (security_0002): the same for every login
    if str(recorded.get("legacy_count", "")).isdigit() and "legacy_head" in recorded:
        return db_id, chains, (int(recorded["legacy_count"]), str(recorded["legacy_head"]))
    count = int(list(execute(LEGACY_SQL))[0][0] or 0)
    head = list(execute(LEGACY_HEAD_SQL)) if count else []
    return db_id, chains, (count, str(head[0][0]) if head else "")


def heads_from_session(s) -> tuple[str | None, dict[int, tuple[int, str]], tuple[int, str]]:
    from sqlalchemy import text

    return heads_of(lambda sql: s.connection().execute(text(sql)).fetchall())


# --- the per-PC anchor ------------------------------------------------------------------------------


def _pc_name(db_id: str) -> str:
    return f"anchor-{db_id}.json"


def pc_anchor(db_id: str) -> Anchor | None:
    data = keystore.read(_pc_name(db_id), sealed=False)
    if data is None:
        return None
    return parse(data, source=str(keystore.key_dir() / _pc_name(db_id)))


def _now() -> str:
    from desktop_app.core.clock import utcnow

    return utcnow().isoformat()


def note(db_id: str, heads: dict[int, tuple[int, str]], legacy: tuple[int, str] | None = None) -> None:
    """Raise this PC's anchor of ``db_id`` to ``heads`` (never lowers a chain: another process on this PC may
    have anchored further). Failing to write it never fails the work that was just committed."""
    try:
        current = pc_anchor(db_id) or Anchor(db_id, _now())
        changed = False
        for chain, (seq, h) in heads.items():
            if current.chains.get(chain, (0, ""))[0] < seq:
                current.chains[chain] = (seq, h)
                changed = True
        if legacy is not None and legacy[0] > current.legacy[0]:
            current.legacy = legacy
            changed = True
        if changed:
            current.taken_at = _now()
            keystore.write(_pc_name(db_id), _sealed(current), durable=False, sealed=False)
    except OSError:
        pass


def reset(db_id: str, heads: dict[int, tuple[int, str]], legacy: tuple[int, str]) -> None:
    """Replace this PC's anchor (after a restore: the restored database is the one to follow from now on)."""
    try:
        keystore.write(_pc_name(db_id), _sealed(Anchor(db_id, _now(), dict(heads), legacy)), sealed=False)
    except OSError:
        pass


# --- backup manifests -------------------------------------------------------------------------------


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def write_manifest(backup: Path, heads: tuple[str | None, dict[int, tuple[int, str]], tuple[int, str]],
                   *, kind: str = "") -> Path | None:
    """The manifest of ``backup``: the audit chains' heads and counts as the copy holds them."""
    from desktop_app.core import private

    db_id, chains, legacy = heads
    if db_id is None:
        return None  # no keyed entry yet: nothing to anchor
    target = manifest_path(backup)
    private.write_private(target, _sealed(Anchor(db_id, _now(), chains, legacy), {"backup": backup.name, "kind": kind}))
    return target


def manifests(folders: Iterable[Path], db_id: str) -> list[Anchor]:
    out: list[Anchor] = []
    seen: set[Path] = set()
    for folder in folders:
        try:
            files = sorted(Path(folder).glob("*" + MANIFEST_SUFFIX))
        except OSError:
            continue
        for f in files:
            if f.resolve() in seen:
                continue
            seen.add(f.resolve())
            try:
                anchor = parse(f.read_bytes(), source=str(f))
            except OSError:
                continue
            if anchor is not None and anchor.database_id == db_id:
                out.append(anchor)
    return out


# --- comparing -------------------------------------------------------------------------------------


def _label(chain: int) -> str:
    return (Text("Checks", QT_TRANSLATE_NOOP("Checks", "the sub-district's own chain (no station)")) if chain == 0
            else Finding(QT_TRANSLATE_NOOP("Checks", "station {station}'s chain"), station=chain))


def compare(anchor: Anchor, chains: dict[int, tuple[int, str]], legacy: tuple[int, str],
            hash_at, *, restored_at: datetime | None = None) -> list[Finding]:
    """What the database lacks against ``anchor`` (problems, translated where shown). ``hash_at(chain, seq)`` is the
    hash of that entry in the database (None: no such entry)."""
    if restored_at is not None:
        try:
            if datetime.fromisoformat(anchor.taken_at) < restored_at:
                return []  # superseded by an audited restore
        except ValueError:
            pass
    out: list[Finding] = []
    where = Finding(QT_TRANSLATE_NOOP("Checks", "the anchor {source} of {at} UTC"),
                    source=anchor.source, at=anchor.taken_at[:19].replace("T", " "))
    if anchor.mac_ok is False:
        out.append(Finding(QT_TRANSLATE_NOOP(
            "Checks", "audit anchor: {anchor} was altered (its MAC does not match the audit key)"), anchor=where))
    for chain, (seq, h) in sorted(anchor.chains.items()):
        have = chains.get(chain, (0, ""))[0]
        if have < seq:
            gone = (Text("Checks", QT_TRANSLATE_NOOP("Checks", "all of them")) if have == 0
                    else Finding(QT_TRANSLATE_NOOP("Checks", "the newest {n}"), n=seq - have))
            out.append(Finding(QT_TRANSLATE_NOOP(
                "Checks", "audit chain: {chain} had {seq} entries by {anchor}; the database has {have} "
                "— entries were deleted at its end ({gone})"), chain=_label(chain), seq=seq, anchor=where, have=have,
                gone=gone))
        elif hash_at(chain, seq) != h:
            out.append(Finding(QT_TRANSLATE_NOOP(
                "Checks", "audit chain: entry {seq} of {chain} is not the one {anchor} recorded — the chain was rewritten"),
                seq=seq, chain=_label(chain), anchor=where))
    if legacy[0] < anchor.legacy[0] or (anchor.legacy[0] and legacy[0] == anchor.legacy[0] and legacy[1] != anchor.legacy[1]):
        out.append(Finding(QT_TRANSLATE_NOOP(
            "Checks", "audit chain: the entries written before the keyed chain were {then} by {anchor}; "
            "the database has {now} (or a different last one) — entries were deleted or rewritten"),
            then=anchor.legacy[0], anchor=where, now=legacy[0]))
    return out
