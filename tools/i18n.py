"""Translations: one Qt .ts file per feature (so features never edit the same file), built to .qm.

    python tools/i18n.py update [KEY ...]   run pyside6-lupdate for the foundation and/or features
    python tools/i18n.py fill FILE.ts MAP.json [--context CTX] [--everywhere]
                                            set unfinished translations from {"English source": "中文", ...}
    python tools/i18n.py reuse              fill unfinished strings translated identically in another file
    python tools/i18n.py status             unfinished strings per file
    python tools/i18n.py build              pyside6-lrelease every .ts to .qm (make does this)
    python tools/i18n.py check              the code and the .ts files agree on every context (update runs it)
    python tools/i18n.py pseudo DIR         a pseudo-locale build in DIR: every translation marked ⟦…⟧

One way to translate, the way pyside6-lupdate reads it:
  * inside a QObject class:  self.tr("text")                      context = the class's name
  * anywhere else:           QCoreApplication.translate("Context", "text")   (Qt-free code:
                             core.i18n.translate("Context", "text").format(...): lupdate does not see
                             a call that has keyword arguments)
  * text kept for later:     QT_TRANSLATE_NOOP("Context", "text"), translated where shown
Never a module-level helper ``tr(text)`` (lupdate files its text under an empty context while the code
asks another), never ``other.tr(...)`` (lupdate takes the variable's name for the context), never a
literal text with a computed context. ``check`` finds these and every text the .ts files do not hold
under the context the code asks for.

Sources: "smiledesk" = desktop_app/*.py, core/, ui/ ; a feature KEY = desktop_app/KEY/.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
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


def fill(ts: Path, mapping_file: Path, *, context: str | None = None, everywhere: bool = False) -> int:
    """Set translations from {"English source": "中文"}: of unfinished strings only (a source the file already
    translates in another context keeps that translation), unless ``everywhere``; only in ``context`` if given."""
    mapping = json.loads(mapping_file.read_text(encoding="utf-8"))
    tree = ET.parse(ts)
    changed = 0
    for ctx in tree.getroot().iter("context"):
        if context is not None and ctx.findtext("name") != context:
            continue
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source not in mapping or tr is None:
                continue
            if not everywhere and tr.get("type") != "unfinished" and (tr.text or "").strip():
                continue
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            changed += 1
    _write(tree, ts)
    return changed


def _write(tree: ET.ElementTree, ts: Path) -> None:
    # Apostrophes as lupdate writes them, so that fill and update leave the same bytes (no churn in merges).
    body = ET.tostring(tree.getroot(), encoding="unicode").replace("'", "&apos;")
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


# --- check: the code and the .ts files agree ------------------------------------------------------------

_TRANSLATE = {"translate"}  # QCoreApplication.translate, core.i18n.translate, i18n.translate
_NOOP = {"QT_TRANSLATE_NOOP"}


@dataclass(frozen=True)
class Site:
    """A literal text the code translates, with the context it asks for at run time."""

    path: str
    line: int
    context: str
    text: str


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    what: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what}"


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Scan(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.classes: list[str] = []
        self.sites: list[Site] = []
        self.problems: list[Problem] = []
        self.class_names: set[str] = set()

    def _problem(self, node: ast.AST, what: str) -> None:
        self.problems.append(Problem(self.path, getattr(node, "lineno", 0), what))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802
        self.class_names.add(node.name)
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        name = _name(node.func)
        if name in ("tr", "_tr") and isinstance(node.func, ast.Name):
            self._problem(node, f"{name}(...) at module level: lupdate files its text under an empty context "
                                "while the code asks another; write QCoreApplication.translate(\"Context\", \"text\")")
        elif name == "tr" and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            if not (isinstance(receiver, ast.Name) and receiver.id == "self"):
                shown = ast.unparse(receiver)
                self._problem(node, f"{shown}.tr(...): lupdate files the text under the context \"{shown}\", the "
                                    "code asks the object's class; use self.tr in the class, or "
                                    "QCoreApplication.translate(\"Class\", \"text\")")
            elif not self.classes:
                self._problem(node, "self.tr(...) outside a class: lupdate cannot tell its context")
            elif node.args and (text := _literal(node.args[0])) is not None:
                self.sites.append(Site(self.path, node.lineno, self.classes[-1], text))
        elif name in _TRANSLATE | _NOOP and len(node.args) >= 2:
            context, text = _literal(node.args[0]), _literal(node.args[1])
            if text is not None and context is None:
                self._problem(node, f"{name}(<computed context>, \"{text[:40]}\"): lupdate cannot tell the "
                                    "context; write it as a literal")
            elif name in _NOOP and text is None:
                self._problem(node, "QT_TRANSLATE_NOOP with a computed text: lupdate sees nothing")
            elif context is not None and text is not None:
                if name in _TRANSLATE and node.keywords:
                    self._problem(node, f"translate(\"{context}\", \"{text[:40]}\", {node.keywords[0].arg}=...): "
                                        "lupdate does not see a call with keyword arguments; "
                                        "write translate(...).format(...)")
                self.sites.append(Site(self.path, node.lineno, context, text))
        elif name == "QT_TR_NOOP":
            self._problem(node, "QT_TR_NOOP: the context depends on where the text is translated; "
                                "use QT_TRANSLATE_NOOP(\"Context\", \"text\")")
        self.generic_visit(node)


def scan(files: list[Path]) -> tuple[list[Site], list[Problem], set[str]]:
    """Every literal translated text (with its run-time context), the calls lupdate misreads, class names."""
    sites: list[Site] = []
    problems: list[Problem] = []
    classes: set[str] = set()
    for f in files:
        rel = str(f.relative_to(ROOT)) if f.is_relative_to(ROOT) else str(f)
        visitor = _Scan(rel)
        visitor.visit(ast.parse(f.read_text(encoding="utf-8"), filename=rel))
        sites += visitor.sites
        problems += visitor.problems
        classes |= visitor.class_names
    return sites, problems, classes


def all_sources() -> list[Path]:
    return sorted({f for key in keys() for f in sources(key)})


def check(ts_files: list[Path] | None = None, files: list[Path] | None = None) -> list[Problem]:
    """Where the code and the .ts files disagree: misread calls, texts the .ts files do not hold under the
    context the code asks for, and .ts contexts no code asks for (the empty context among them)."""
    ts_files = sorted(I18N.glob(f"*_{LANG}.ts")) if ts_files is None else ts_files
    sites, problems, classes = scan(all_sources() if files is None else files)
    held: set[tuple[str, str]] = set()
    for ts in ts_files:
        held |= messages(ts)
    for site in sites:
        if (site.context, site.text) not in held:
            problems.append(Problem(site.path, site.line, f"[{site.context}] \"{site.text[:60]}\" is in no .ts file "
                                                          "under this context: run tools/i18n.py update"))
    asked = classes | {site.context for site in sites}
    for ts in ts_files:
        for context in sorted({c for c, _ in messages(ts)} - asked):
            sources_ = sorted(src for c, src in messages(ts) if c == context)
            problems.append(Problem(str(ts.relative_to(ROOT)) if ts.is_relative_to(ROOT) else str(ts), 0,
                                    f"context \"{context}\" is asked for by no code, so these never show "
                                    f"translated: {sources_[:3]}"))
    return problems


def build() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    cmd, *rest = argv or ["status"]
    if cmd == "update":
        update(rest)
        problems = check()
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    elif cmd == "check":
        problems = check()
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    elif cmd == "fill":
        context = rest[rest.index("--context") + 1] if "--context" in rest else None
        print(fill(Path(rest[0]), Path(rest[1]), context=context, everywhere="--everywhere" in rest), "translations set")
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
