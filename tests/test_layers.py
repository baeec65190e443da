"""House rules on imports, checked by folder, including imports inside functions and imports by string.

* PySide6 only in ``ui/`` folders (the shared ``desktop_app/ui`` and each feature's ``<feature>/ui``),
  ``app.py`` and ``qt_support.py``. Everything else — core, every feature's rules — runs without Qt.
* ``core`` imports no feature, and has no import cycles (imports inside functions count).
* A feature imports another feature only through its public API, ``desktop_app.<other>`` (its
  ``__init__``) and ``desktop_app.<other>.figures`` (read-only counts); its ``ui/`` may also use another
  feature's ``desktop_app.<other>.ui`` widgets.
* Features depend one way (ALLOWED below); no cycles between features.
* ``importlib`` and module names in strings only in the feature registry (features.py).
* No module over ~500 lines without a reason stated here (BIG).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "desktop_app"
SHARED = ("core", "ui")
QT_ALLOWED_TOP = {"app.py", "qt_support.py"}
REGISTRY = {"features.py"}

# Which features each feature may import (its public API). The graph of the house: residents at the
# bottom; the dashboard and reports read everything; the administration page hosts the safety dialogs.
ALLOWED: dict[str, set[str]] = {
    "residents": set(),
    "desk": {"residents"},
    "certificates": {"residents"},
    "rosters": {"residents", "desk"},
    "meals": {"residents", "rosters"},
    "passports": {"residents", "rosters", "certificates"},
    "safety": {"residents"},
    "admin": {"safety", "residents"},
    "dashboard": {"residents", "desk", "rosters", "meals", "passports", "certificates", "reports", "safety"},
    "reports": {"residents", "desk", "rosters", "meals", "passports", "certificates", "safety"},
}

# Modules allowed over ~500 lines, each with its reason.
BIG: dict[str, str] = {}
MAX_LINES = 520

# Features whose Qt-free code `make lint` (mypy) skips until its type errors are fixed (an `ignore_errors`
# override in pyproject.toml, listed here too): none, every feature is type-checked.
TYPE_PENDING: set[str] = set()


def features() -> set[str]:
    return {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists() and p.name not in SHARED}


@cache
def tree_of(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"))


def runtime_nodes(tree: ast.AST):
    """Every node except those under ``if TYPE_CHECKING:`` (annotations only; never run)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                skip.update(id(n) for n in ast.walk(child))
    return [n for n in ast.walk(tree) if id(n) not in skip]


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside functions (relative imports resolved)."""
    names = set()
    package = ".".join(("desktop_app",) + path.relative_to(ROOT).parent.parts)
    for node in runtime_nodes(tree_of(path)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            names.add(base)
            for alias in node.names:  # `from desktop_app.core import audit` imports a module too
                names.add(f"{base}.{alias.name}")
    return names


def py_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts]


def place(path: Path) -> tuple[str, bool]:
    """(owner, in_ui): owner is the feature, 'core', 'ui' or 'top'."""
    parts = path.relative_to(ROOT).parts
    if len(parts) == 1:
        return "top", False
    return parts[0], parts[0] == "ui" or (len(parts) > 2 and parts[1] == "ui")


def test_pyside_only_in_ui_folders():
    offenders = {}
    for path in py_files():
        owner, in_ui = place(path)
        if in_ui or (owner == "top" and path.name in QT_ALLOWED_TOP):
            continue
        hits = sorted(m for m in imports_of(path) if m.split(".")[0] == "PySide6")
        if hits:
            offenders[str(path.relative_to(ROOT))] = hits
    assert not offenders, f"PySide6 outside ui/ folders: {offenders}"


def test_core_imports_no_feature_and_nothing_outside_core():
    bad = {}
    for path in (ROOT / "core").rglob("*.py"):
        hits = [m for m in imports_of(path) if m.startswith("desktop_app.") and not m.startswith("desktop_app.core")]
        if hits:
            bad[str(path.relative_to(ROOT))] = hits
    assert not bad, f"core imports outside core: {bad}"


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = ("desktop_app",) + rel.parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_core_has_no_import_cycles():
    modules = {_module_name(p): p for p in (ROOT / "core").rglob("*.py") if "__pycache__" not in p.parts}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for m in imports_of(path):
            # `from desktop_app.core.db import x` depends on the package's __init__; a package's own
            # __init__ importing its modules is not a cycle with them.
            if m in modules and m != name and not (path.name == "__init__.py" and m.startswith(name + ".")):
                graph[name].add(m)
    cycles = _cycles(graph)
    assert not cycles, "import cycles in core (imports inside functions count): " + "; ".join(" → ".join(c) for c in cycles)


def test_features_import_each_other_only_through_their_public_api():
    bad = []
    done = features()
    for path in py_files():
        owner, in_ui = place(path)
        if owner not in done:
            continue
        for m in imports_of(path):
            parts = m.split(".")
            if len(parts) < 2 or parts[0] != "desktop_app" or parts[1] not in features() or parts[1] == owner:
                continue
            other = parts[1]
            if other not in done:
                continue
            # desktop_app.<other>, a name it exports, or its figures (read-only counts for dashboard/reports)
            public = len(parts) == 2 or parts[2] == "figures" or (
                len(parts) == 3 and not (ROOT / other / f"{parts[2]}.py").exists() and not (ROOT / other / parts[2]).is_dir())
            ui_public = in_ui and len(parts) >= 3 and parts[2] == "ui" and (len(parts) == 3 or not (ROOT / other / "ui" / f"{parts[3]}.py").exists())
            if not (public or ui_public):
                bad.append(f"{path.relative_to(ROOT)} imports {m}")
    assert not bad, "features reach into each other instead of importing the public API (desktop_app.<feature>):\n" + "\n".join(bad)


def test_features_depend_one_way():
    graph: dict[str, set[str]] = defaultdict(set)
    wrong = []
    for path in py_files():
        owner, _ = place(path)
        if owner not in features():
            continue
        for m in imports_of(path):
            parts = m.split(".")
            if len(parts) >= 2 and parts[0] == "desktop_app" and parts[1] in features() and parts[1] != owner:
                graph[owner].add(parts[1])
                if parts[1] not in ALLOWED.get(owner, set()):
                    wrong.append(f"{path.relative_to(ROOT)} imports {m} ({owner} may use {sorted(ALLOWED.get(owner, set()))})")
    assert not wrong, "\n".join(wrong)
    assert not _cycles(graph)


STRING_MODULE = re.compile(r"^desktop_app\.([a-z_]+)(\.[a-z_]+)*$")
IMPORT_MACHINERY = {"importlib", "importlib.util", "importlib.machinery"}  # importlib.metadata reads versions: fine


def test_no_imports_by_string_outside_the_registry():
    bad = []
    for path in py_files():
        if path.relative_to(ROOT).as_posix() in REGISTRY:
            continue
        owner, _ = place(path)
        for node in runtime_nodes(tree_of(path)):
            if isinstance(node, ast.Import | ast.ImportFrom):
                if isinstance(node, ast.Import):
                    mods = {a.name for a in node.names}
                elif node.module == "importlib":
                    mods = {f"importlib.{a.name}" for a in node.names}
                else:
                    mods = {node.module or ""}
                if mods & (IMPORT_MACHINERY | {"importlib.import_module"}):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno} imports importlib")
            elif isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in ("feature_module", "_module", "__import__", "import_module"):
                    bad.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)[:60]}")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and (m := STRING_MODULE.match(node.value))
                  and (m.group(1) in features() or m.group(1) in SHARED)):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} names module {node.value!r} in a string")
    assert not bad, "imports by string outside features.py:\n" + "\n".join(bad)


def test_no_module_over_500_lines_without_a_reason():
    big = {}
    for path in py_files():
        owner, _ = place(path)
        rel = path.relative_to(ROOT).as_posix()
        n = sum(1 for _ in path.open(encoding="utf-8"))
        if n > MAX_LINES and rel not in BIG:
            big[rel] = n
    assert not big, f"modules over {MAX_LINES} lines (split them by what the user does, or state why in BIG): {big}"


def test_every_feature_has_the_same_shape():
    """A public API in __init__.py, Qt only under ui/, no page or dialogs left at the feature's root."""
    wrong = {}
    for f in features():
        problems = [name for name in ("page.py", "dialogs.py") if (ROOT / f / name).exists()]
        if not (ROOT / f / "ui").is_dir() and (ROOT / f / "feature.py").exists():
            problems.append("no ui/ folder")
        if problems:
            wrong[f] = problems
    assert not wrong, wrong


def test_type_check_skips_only_features_still_pending():
    """`make lint` type-checks every feature's Qt-free code except those still moving (pyproject's mypy
    overrides): a feature leaves TYPE_PENDING once its type errors are fixed, and is type-checked from then on."""
    import tomllib

    config = tomllib.loads((ROOT.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    skipped = {m.split(".")[1] for o in config.get("overrides", []) if o.get("ignore_errors") for m in o["module"]}
    assert skipped == TYPE_PENDING, f"mypy skips {sorted(skipped - TYPE_PENDING)}; TYPE_PENDING has {sorted(TYPE_PENDING - skipped)} unskipped"
