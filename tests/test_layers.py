"""House rules on imports: Qt stays out of the core and out of feature models/services/solvers/PDFs."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "desktop_app"
QT_FREE = ["models.py", "service.py", "solver.py", "pdf.py", "demo.py", "reference.py", "checker.py", "privacy.py"]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def qt_free_files() -> list[Path]:
    files = list((ROOT / "core").rglob("*.py"))
    for feature in ROOT.iterdir():
        if feature.is_dir() and feature.name not in ("core", "ui"):
            files += [feature / n for n in QT_FREE if (feature / n).exists()]
    return files


def test_no_pyside_where_rules_live():
    offenders = {str(p.relative_to(ROOT)): sorted(m for m in imports_of(p) if m.startswith("PySide6"))
                 for p in qt_free_files()}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"PySide6 imported in Qt-free code: {offenders}"


def test_core_imports_no_feature():
    features = {p.name for p in ROOT.iterdir() if p.is_dir() and p.name not in ("core", "__pycache__")}
    bad = {}
    for path in (ROOT / "core").rglob("*.py"):
        hits = [m for m in imports_of(path) if m.startswith("desktop_app.") and m.split(".")[1] in features]
        if hits:
            bad[path.name] = hits
    assert not bad, f"core imports features: {bad}"


def test_only_app_imports_every_page():
    importers = []
    for path in ROOT.rglob("*.py"):
        if path.name in ("app.py", "feature.py"):
            continue
        for module in imports_of(path):
            parts = module.split(".")
            if len(parts) == 3 and parts[0] == "desktop_app" and parts[2] == "page" and parts[1] != path.parent.name:
                importers.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not importers, importers
