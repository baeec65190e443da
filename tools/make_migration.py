"""Developer tool: autogenerate a migration for one feature's new tables.

    python tools/make_migration.py --message "desk tables" --rev desk_0001 [--branch desk] [--depends-on X]

Creates a temporary SQLite database at the current heads, compares it with the models and writes
db/migrations/versions/<rev>.py. Each feature keeps its own branch off the foundation revision
(``--branch KEY`` for its first migration), so features can add tables independently; the app
upgrades to all heads. Review the generated file before committing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--message", required=True)
    ap.add_argument("--rev", required=True, help="revision id, e.g. desk_0001")
    ap.add_argument("--branch", help="branch label for a feature's first migration (branches off foundation)")
    ap.add_argument("--head", help="revision to build on (default: the branch head or the foundation)")
    ap.add_argument("--depends-on", action="append", default=[])
    args = ap.parse_args()

    from alembic import command

    from desktop_app.core.db import alembic_config, make_engine
    from desktop_app.features import import_all_models

    import_all_models()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/m.sqlite3")
        cfg = alembic_config(engine)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
        head = args.head or ("foundation_0001" if args.branch else None)
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(
                cfg, message=args.message, autogenerate=True, rev_id=args.rev,
                head=head or "heads", branch_label=args.branch, depends_on=args.depends_on or None,
                splice=bool(args.branch),  # a new branch starts at the foundation, which is no longer a head
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
