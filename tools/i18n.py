"""Translations: one Qt .ts file per feature (so features never edit the same file), built to .qm.

    python tools/i18n.py update [KEY ...]   run pyside6-lupdate for the foundation and/or features
    python tools/i18n.py fill FILE.ts MAP.json   set translations from {"English source": "中文", ...}
    python tools/i18n.py reuse              fill unfinished strings translated identically in another file
    python tools/i18n.py status             unfinished strings per file
    python tools/i18n.py build              pyside6-lrelease every .ts to .qm (make does this)

Sources: "smiledesk" = desktop_app/*.py, core/, ui/ ; a feature KEY = desktop_app/KEY/.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
APP = ROOT / "desktop_app"
LANG = "zh_CN"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def sources(key: str) -> list[Path]:
    if key == "smiledesk":
        files = sorted(APP.glob("*.py")) + sorted((APP / "core").rglob("*.py")) + sorted((APP / "ui").rglob("*.py"))
    else:
        files = sorted((APP / key).rglob("*.py"))
    return [f for f in files if "__pycache__" not in f.parts]


def keys() -> list[str]:
    out = ["smiledesk"]
    for d in sorted(APP.iterdir()):
        if d.is_dir() and d.name not in ("core", "ui", "__pycache__") and (d / "__init__.py").exists():
            out.append(d.name)
    return out


def ts_path(key: str) -> Path:
    return I18N / f"{key}_{LANG}.ts"


def update(selected: list[str], target_dir: Path | None = None) -> None:
    for key in selected or keys():
        files = sources(key)
        if not files:
            continue
        out = (target_dir or I18N) / ts_path(key).name
        if target_dir is not None and ts_path(key).exists():
            shutil.copy(ts_path(key), out)
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, files), "-no-obsolete", "-locations", "none", "-ts", str(out)],
            check=True, capture_output=True,
        )


def fill(ts: Path, mapping_file: Path) -> int:
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    changed = 0
    for msg in tree.getroot().iter("message"):
        source = msg.findtext("source")
        if source in mapping:
            tr = msg.find("translation")
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            changed += 1
    _write(tree, ts)
    return changed


def _write(tree: ET.ElementTree, ts: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def unfinished(ts: Path) -> list[tuple[str, str]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("unfinished",) or not (tr.text or "").strip():
                if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                    continue
                out.append((name, msg.findtext("source")))
    return out


def messages(ts: Path) -> set[tuple[str, str]]:
    out = set()
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            out.add((name, msg.findtext("source")))
    return out


def reuse() -> int:
    """Fill unfinished strings from another .ts file that translates the same (context, source)."""
    known: dict[tuple[str, str], str] = {}
    for ts in sorted(I18N.glob("*.ts")):
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.get("type") is None and (tr.text or "").strip():
                    known.setdefault((name, msg.findtext("source")), tr.text)
    filled = 0
    for ts in sorted(I18N.glob("*.ts")):
        tree = ET.parse(ts)
        changed = False
        for ctx in tree.getroot().iter("context"):
            name = ctx.findtext("name")
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                if tr is not None and tr.get("type") == "unfinished" and (name, msg.findtext("source")) in known:
                    tr.text = known[(name, msg.findtext("source"))]
                    tr.attrib.pop("type")
                    changed = True
                    filled += 1
        if changed:
            _write(tree, ts)
    return filled


def build() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    cmd, *rest = argv or ["status"]
    if cmd == "update":
        update(rest)
    elif cmd == "fill":
        print(fill(Path(rest[0]), Path(rest[1])), "translations set")
    elif cmd == "status":
        for ts in sorted(I18N.glob("*.ts")):
            missing = unfinished(ts)
            print(f"{ts.name}: {len(missing)} unfinished")
            for ctx, src in missing[:50]:
                print(f"   [{ctx}] {src}")
    elif cmd == "reuse":
        print(reuse(), "translations reused")
    elif cmd == "build":
        build()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
