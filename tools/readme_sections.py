"""Regenerate README.md's feature sections from docs/<feature>.md (between the FEATURES markers).

    python tools/readme_sections.py

Each doc's first heading becomes a level-2 README section; deeper headings keep their relative
level; image and link paths are rewritten relative to the repository root.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["desk", "rosters", "meals", "passports", "certificates", "reports", "safety", "postgres", "packaging"]
BEGIN, END = "<!-- BEGIN FEATURES (tools/readme_sections.py) -->", "<!-- END FEATURES -->"


def section(name: str) -> str:
    text = (ROOT / "docs" / f"{name}.md").read_text(encoding="utf-8").strip()
    lines = text.splitlines()
    levels = [len(m.group(1)) for line in lines if (m := re.match(r"^(#+) ", line))]
    shift = 2 - (levels[0] if levels else 2)
    out, in_code = [], False
    for line in lines:
        if line.startswith("```"):
            in_code = not in_code
        m = None if in_code else re.match(r"^(#+) (.*)$", line)
        if m:
            line = "#" * max(2, len(m.group(1)) + shift) + " " + m.group(2)
        line = re.sub(r"\]\((?!https?:|#|/|docs/)([^)]+)\)", lambda mm: f"](docs/{mm.group(1)})", line)
        out.append(line)
    return "\n".join(out)


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    body = "\n\n".join(section(n) for n in ORDER if (ROOT / "docs" / f"{n}.md").exists())
    block = f"{BEGIN}\n\n{body}\n\n{END}"
    if BEGIN in text:
        text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    else:
        text = text.replace("<!-- FEATURES -->", block)
    readme.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
