"""Commands speak the chosen language — ``--lang``, else the language saved on this computer, else the
system's — and so do the papers they make; their tables line up with Chinese text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from desktop_app.core.textwidth import table, width
from tests.ui.i18n_walk import english_words


@pytest.fixture
def cli(qapp, capsys, monkeypatch, tmp_path):
    """run(*argv) → (exit code, what it printed); the app's translations are English again afterwards."""
    from desktop_app import cli as cli_module
    from desktop_app.ui import translation

    monkeypatch.setenv("SMILEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(translation, "system_language", lambda: "en")

    def run(*argv: str) -> tuple[int, str]:
        capsys.readouterr()
        try:
            code = cli_module.main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
            print(exc.code)
        out = capsys.readouterr()
        return code, out.out + out.err

    yield run
    translation.install(qapp, "en")


def _save_language(tmp_path, value: str) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("ui/language", value)
    settings.sync()


def test_lang_then_the_saved_setting_then_the_system(cli, demo_db, tmp_path, monkeypatch):
    from desktop_app.ui import translation

    db = str(demo_db)
    assert "day figures recounted" in cli("desk-recount", "--db", db)[1]  # nothing saved, an English system
    monkeypatch.setattr(translation, "system_language", lambda: "zh_CN")
    assert "已重新统计日数据" in cli("desk-recount", "--db", db)[1]  # a Chinese system
    _save_language(tmp_path, "en")
    assert "day figures recounted" in cli("desk-recount", "--db", db)[1]  # the setting wins over the system
    assert "已重新统计日数据" in cli("desk-recount", "--db", db, "--lang", "zh_CN")[1]  # --lang after the command
    assert "已重新统计日数据" in cli("--lang", "zh_CN", "desk-recount", "--db", db)[1]  # … or before it
    _save_language(tmp_path, "zh_CN")
    assert "day figures recounted" in cli("--lang", "en", "desk-recount", "--db", db)[1]


def test_every_command_prints_chinese(cli, demo_db, tmp_path, monkeypatch):
    """Each command on the demo data in zh_CN: no English word in what it prints (file paths' folders,
    certificate numbers and the command's own name aside)."""
    from sqlmodel import select

    from desktop_app.certificates.models import Certificate
    from desktop_app.core.db import make_engine, session_scope

    engine = make_engine(f"sqlite:///{demo_db}")
    with session_scope(engine, write=False) as s:
        number = s.exec(select(Certificate.number)).first()
    engine.dispose()
    monkeypatch.setenv("SMILEDESK_PASSWORD", "admin-pass-1")  # station and staff commands sign in (--as admin)
    db, out = str(demo_db), tmp_path / "输出"
    out.mkdir()
    book = out / "居民登记.xlsx"
    _register(book)
    commands = [
        ["check"], ["migrate"], ["desk-figures"], ["desk-overdue"], ["desk-recount"],
        ["meals-day", "--out", str(out)], ["meals-check"],
        ["roster-solve", "--month", "2026-12", "--seconds", "0.5", "--dry-run"],
        ["report", "--month", "2026-11", "--out", str(out / "报表.pdf")],
        ["cert-verify", number], ["cert-export", "--out", str(out / "志愿服务记录.xlsx")],
        ["backup", "--to", str(out)], ["backups", "--to", str(out)],
        ["station", "list", "--as", "admin"], ["staff", "list", "--as", "admin"],
        ["privacy", "export", "1", "--out", str(out)], ["cert-keys", "list"], ["audit-key", "show"],
        ["roster-text", "--date", "2026-12-07"], ["cert-render", "--out", str(out / "证书.pdf")],
        ["demo", "--only", "residents"], ["import", str(book), "--kind", "residents", "--dry-run"],
        ["station", "assign", "admin", "all", "--as", "admin"],
        ["station", "add", "杏花村社区党群服务中心", "XHC", "--as", "admin"],
        ["privacy", "erase", "2", "--yes", "--reason", "本人申请"],
    ]
    said = {}
    for argv in commands:
        code, text = cli(*argv, "--db", db, "--lang", "zh_CN")
        said[argv[0]] = text
        assert text.strip(), argv
        words = english_words(text, {"admin", "XYJ", "XHC", "sqlite", "json", "demo"})  # "demo": the test file name
        assert words == [], f"{argv}: {words}\n{text}"
    assert "类别" in said["desk-figures"] and "合计" in said["desk-figures"]
    assert "送餐路线单" in said["meals-day"]


def _register(path) -> None:
    """A small residents' register with two rows the check rejects (wrong ID numbers)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "登记表"
    wb.active.append(["姓名", "身份证号", "联系电话"])
    wb.active.append(["王五", "110105194912310021", "13811112222"])
    wb.active.append(["赵六", "340102480305123", ""])
    wb.save(path)


def test_meals_day_papers_follow_the_language(cli, demo_db, tmp_path):
    """The route sheets a scheduled meals-day makes: Chinese with --lang zh_CN, English with --lang en."""
    from pypdf import PdfReader

    for lang, title, name in (("zh_CN", "送餐路线", "送餐路线单"), ("en", "Meal delivery route sheet", "Route sheets")):
        out = tmp_path / lang
        code, text = cli("meals-day", "--db", str(demo_db), "--out", str(out), "--lang", lang)
        assert code == 0, text
        sheets = sorted(out.glob(f"{name}-*.pdf"))
        assert sheets, text
        page = PdfReader(str(sheets[0])).pages[0].extract_text()
        assert title in page
        if lang == "zh_CN":
            assert english_words(page, {"XYJ"}) == [], page


def test_command_tables_line_up_with_chinese(cli, demo_db):
    """desk-overdue's columns start at the same terminal column on every line, Chinese names and all."""
    code, text = cli("desk-overdue", "--db", str(demo_db), "--lang", "zh_CN")
    lines = [line for line in text.splitlines() if line.strip()][:-1]  # the last line is the count
    assert len(lines) > 3
    for column in ("期限", "状态", "类别", "来访人"):
        start = width(lines[0][:lines[0].index(column)])
        for line in lines[1:]:
            assert width(line) > start and line[_index_at(line, start) - 1] == " ", (column, line)


def _index_at(line: str, columns: int) -> int:
    """The index of the character that starts at terminal column ``columns``."""
    for i in range(len(line) + 1):
        if width(line[:i]) >= columns:
            return i
    return len(line)


cells = st.text(alphabet=st.sampled_from("张王李赵秀英ab12 ·（）、x"), min_size=0, max_size=8)


@given(st.lists(st.lists(cells, min_size=3, max_size=3), min_size=1, max_size=6))
def test_table_columns_start_at_the_same_display_column(rows):
    lines = table(rows, gap=2)
    widths = [max(width(r[i]) for r in rows) for i in range(3)]
    for row, line in zip(rows, lines, strict=True):
        for column in (1, 2):
            start = sum(widths[:column]) + 2 * column
            if width(line) <= start:  # the rest of the row is blank (lines are not padded at the end)
                assert not "".join(row[column:]).strip()
                continue
            i = _index_at(line, start)
            assert width(line[:i]) == start  # no wide character straddles the column's start
            assert line[i:].startswith(row[column]) or line[i:] == row[column].rstrip()


def test_display_width_counts_chinese_as_two_columns():
    assert width("张秀英") == 6 and width("ab") == 2 and width("（）") == 4 and width("é") == 1


def test_check_names_its_problems_in_the_chosen_language(cli, demo_db):
    """`smiledesk check` on a database whose audit row was rewritten and whose append-only triggers were
    dropped: every problem in Chinese with --lang zh_CN (table names aside), in English with --lang en."""
    from desktop_app.core.db import make_engine
    from tests.security.helpers import drop_guards, tamper

    engine = make_engine(f"sqlite:///{demo_db}")
    tamper(engine, "UPDATE audit_entry SET actor_name = '某人' WHERE id = (SELECT max(id) FROM audit_entry)")
    with engine.begin() as conn:
        drop_guards(conn, "meal_ledger")
    engine.dispose()
    code, text = cli("check", "--db", str(demo_db), "--lang", "zh_CN")
    assert code == 1, text
    assert "写入后内容被改动过" in text and "保证 meal_ledger 表只能追加" in text, text
    assert english_words(re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", " ", text), {"UTC"}) == [], text  # table names aside
    code, text = cli("check", "--db", str(demo_db), "--lang", "en")
    assert code == 1 and "was changed after it was written" in text and "keep meal_ledger append-only" in text, text


# --- argparse's own words and every command's help -------------------------------------------------------


def _commands(parser, path=()):
    """Every command path (("privacy",), ("privacy", "erase"), ...) with its parser."""
    import argparse

    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands(child, (*path, name))


def _typed_names(parser) -> set[str]:
    """What a person types or argparse shows as a placeholder, in Latin letters: option and command names,
    metavars (given or argparse's from the destination) and choices."""
    import argparse

    names: set[str] = set()
    for _path, p in _commands(parser):
        names.add(p.prog)
        for action in p._actions:
            names.update(action.option_strings)
            metavar = action.metavar if isinstance(action.metavar, tuple) else (action.metavar or "",)
            names.update([*metavar, action.dest, action.dest.upper()])
            if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
                names.update(map(str, action.choices))
            elif isinstance(action, argparse._SubParsersAction):
                names.update(action.choices)
    return {w for name in names for w in re.findall(r"[A-Za-z][A-Za-z’']*", name)}


def _foreign_words(text: str, typed: set[str]) -> list[str]:
    """English left in a command's Chinese output: options, what is typed in quotes ('all', 'demo'), names
    with underscores (SMILEDESK_PASSWORD, pg_dump), file names and sizes aside."""
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"'[^'\s]*'", " ", text)
    text = re.sub(r"\b[\w-]+(?:\.[\w-]+)*\.(?:py|json|pdf|xlsx|csv)\b|\b\d+x\d+\b", " ", text)
    text = re.sub(r"\b[A-Za-z]\w*_\w+\b", " ", text)
    return english_words(text, typed | {"PNG", "UTC"})


def test_wrong_arguments_are_told_in_the_chosen_language(cli):
    """A person typing a wrong command under zh_CN reads argparse's complaint in Chinese; under en in English."""
    cases = [
        (["nosuch"], "无效的选择：'nosuch'"),
        (["privacy"], "缺少必需的参数：ACTION"),
        (["desk-figures", "--from", "昨天"], "参数 --from：值无效"),
        (["desk-overdue", "--bad"], "无法识别的参数：--bad"),
        (["report", "--month"], "参数 --month：需要一个值"),
    ]
    for argv, said in cases:
        code, text = cli("--lang", "zh_CN", *argv)
        assert code == 2 and "用法：smiledesk" in text and "错误：" in text and said in text, text
        assert "usage" not in text and "error" not in text, text
    code, text = cli("--lang", "en", "privacy")
    assert code == 2 and "usage: smiledesk privacy" in text and "the following arguments are required: ACTION" in text
    code, text = cli("--lang", "zh_CN", "--help")
    assert code == 0 and "显示本帮助并退出" in text and "选项：" in text, text


def test_every_command_helps_and_complains_in_chinese(cli):
    """Each command's --help and a call with a wrong option, under zh_CN: no English word but the names one
    types (options, commands, metavars, choices) and names like SQLite or URL."""
    from desktop_app.cli import build_parser

    parser = build_parser()
    typed = _typed_names(parser)
    paths = [path for path, _ in _commands(parser)]
    assert len(paths) > 30 and ("privacy", "erase") in paths and ("audit-key", "lost") in paths
    for path in paths:
        code, text = cli("--lang", "zh_CN", *path, "--help")
        assert code == 0 and "用法：" in text and "显示本帮助并退出" in text, (path, text)
        assert _foreign_words(text, typed) == [], f"{path} --help: {_foreign_words(text, typed)}\n{text}"
        code, text = cli("--lang", "zh_CN", *path, "--no-such-option")
        assert code == 2 and "错误：" in text, (path, text)
        assert _foreign_words(text, typed) == [], f"{path} --no-such-option: {_foreign_words(text, typed)}\n{text}"


help_texts = st.text(alphabet=st.sampled_from("角色管理员（）、，。'ab_-"), min_size=0, max_size=60).map(
    lambda t: t.replace("a", " admin ").replace("b", " front_desk"))


@given(help_texts, st.integers(min_value=12, max_value=60))
def test_help_wraps_by_terminal_columns_and_keeps_words_whole(text, columns):
    """Chinese help lines fit the terminal (two columns a character); a Latin word is never cut in two and no
    line starts with a closing mark."""
    from desktop_app.cli_parser import wrap

    lines = wrap(text, columns)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for i, line in enumerate(lines):
        assert width(line) <= columns or " " not in line and not re.search(r"[\u3400-\u9fff]", line)
        if i and line[0] in "，。、）":  # only where a space stood before the mark
            assert " " + line[0] in " ".join(text.split()), lines
    for word in re.findall(r"[!-~]+", text):
        assert any(word in line for line in lines), (word, lines)


def test_a_command_line_that_parses_translates_nothing():
    """Translations load only when argparse has something to say: the GUI's start-up reads no .qm for it."""
    from desktop_app.cli import build_parser
    from desktop_app.core import i18n

    asked = []
    before = i18n._translate
    i18n.set_translator(lambda context, text: asked.append((context, text)) or text)
    try:
        parser = build_parser()
        parser.parse_args(["--page", "desk"])
        parser.parse_args(["privacy", "erase", "3", "--lang", "zh_CN"])
    finally:
        i18n.set_translator(before)
    assert asked == []


def test_erase_with_nobody_to_answer_changes_nothing_and_says_so(cli, demo_db, monkeypatch):
    """privacy erase run without --yes where no one can answer (a scheduled task, a closed pipe): the question
    in Chinese, then "nothing changed" — not a traceback."""
    import io

    monkeypatch.setenv("SMILEDESK_PASSWORD", "admin-pass-1")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, text = cli("privacy", "erase", "2", "--reason", "本人申请", "--db", str(demo_db), "--lang", "zh_CN")
    assert code == 1 and "无法撤销" in text and "没有做任何改动" in text and "Traceback" not in text, text
    assert english_words(text, {"y", "N", "Y", "n"}) == [], text
