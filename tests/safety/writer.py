"""A station process for the crash and concurrency tests: writes residents, one transaction each.

    python tests/safety/writer.py DB_FILE LABEL COUNT [--pause SECONDS]

After each commit returns it prints ``committed <marker> <id>`` (flushed): what the process has reported
committed. A StorageError is printed as ``storage-error <message>`` and ends the process with status 3;
any other exception is a bug (traceback, status 1).
"""

from __future__ import annotations

import sys
import time


def main(argv: list[str]) -> int:
    db, label, count = argv[0], argv[1], int(argv[2])
    pause = float(argv[4]) if len(argv) > 4 and argv[3] == "--pause" else 0.0

    from desktop_app import residents as service
    from desktop_app.core.auth import SYSTEM
    from desktop_app.core.db import make_engine, run_transaction
    from desktop_app.core.errors import StorageError
    from desktop_app.residents.models import ResidentCreate

    engine = make_engine(f"sqlite:///{db}")
    print("ready", flush=True)
    for n in range(count):
        marker = f"{label}-{n}"

        def work(s, marker=marker):
            # Several tables in one transaction: the resident, its search keys, the audit entry.
            r = service.create_resident(s, actor=SYSTEM, data=ResidentCreate(name="写入者", notes=marker, grid=label))
            return r.id

        try:
            rid = run_transaction(engine, work, attempts=8)
        except StorageError as exc:
            print(f"storage-error {exc.english()}", flush=True)
            return 3
        print(f"committed {marker} {rid}", flush=True)
        if pause:
            time.sleep(pause)
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
