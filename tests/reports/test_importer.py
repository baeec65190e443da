"""Excel import: real .xlsx files with the quirks of stations' registers, dry run, idempotence, one transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import func, select

from desktop_app.core.db import session_scope
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.core.progress import Progress
from desktop_app.reports import importing as importer
from desktop_app.reports.importing import cells
from desktop_app.residents.models import Resident, ResidentSearchKey

from .conftest import make_id

ZHANG = make_id(date(1948, 3, 5), 11, male=True)
LI = make_id(date(1952, 11, 20), 22, male=False)
QIAN = make_id(date(1950, 7, 1), 33, male=True)


def ledger_rows(zhang_phone=13812345678):
    fullwidth_qian = QIAN.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    return [
        ["逍遥津社区居民信息台账（2026年）", None, None, None, None, None, None, None, None],
        ["序号", "姓名", "身份证号", "性别", "出生日期", "联系方式", None, "住址", "备注"],
        [None, None, None, None, None, "联系电话", "紧急联系电话", None, None],
        [1, "张三", ZHANG, "男", "1948.3.5", zhang_phone, None, "逍遥津小区3栋2单元301室", "独居"],
        [2, "李四", LI, "女", 19318, "１３９１２３４５６７８", 13900001111, "逍遥津小区5栋1单元102室", ""],
        [3, "王五", 3.40102194803051e17, "男", None, "13811112222", None, "逍遥津小区1栋", ""],
        [4, "赵六", "340102480305123", "男", None, None, None, "逍遥津小区2栋", ""],
        [None, None, None, None, None, None, None, None, None],
        [5, "张三", ZHANG, "男", "1948.3.5", zhang_phone, None, "逍遥津小区3栋2单元301室", "独居"],
        [6, "钱七", fullwidth_qian, "男", "1950年7月1日", "0551-62345678", None, "杏花村小区12幢303", ""],
        [7, "孙八", "12345", "男", None, "13822223333", None, "", ""],
    ]


LEDGER_MERGES = ["A1:I1", "F2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "H2:H3", "I2:I3"]


@pytest.fixture
def ledger(xlsx):
    return xlsx("台账.xlsx", ledger_rows(), merges=LEDGER_MERGES)


def _plan(engine, actor, path, kind="residents", options=None):
    sheet = importer.read_sheet(path, kind=kind)
    mapping = importer.guess_mapping(sheet.labels, kind)
    with session_scope(engine, write=False) as s:
        return sheet, mapping, importer.dry_run(s, actor=actor, sheet=sheet, mapping=mapping, kind=kind, options=options)


def _residents(engine):
    with session_scope(engine, write=False) as s:
        return {r.name: r for r in s.exec(select(Resident).where(Resident.erased == False))}  # noqa: E712


def test_merged_headers_are_found_and_guessed(ledger):
    sheet = importer.read_sheet(ledger)
    assert sheet.header_row == 3
    assert sheet.labels[5] == "联系方式/联系电话"
    assert sheet.labels[6] == "联系方式/紧急联系电话"
    mapping = importer.guess_mapping(sheet.labels, "residents")
    assert mapping == {1: "name", 2: "id_number", 3: "gender", 4: "birth_date", 5: "phone", 6: "emergency_phone",
                       7: "address", 8: "notes"}
    assert sheet.rows[0][0] == 4  # Excel row numbers, for the report


def test_dry_run_reports_each_row(engine, admin, ledger):
    _sheet, _mapping, plan = _plan(engine, admin, ledger)
    by_row = {r.row: r for r in plan.results}
    assert plan.counts == {"add": 3, "update": 0, "skip": 2, "reject": 3}
    assert [by_row[n].action for n in (4, 5, 10)] == ["add", "add", "add"]
    assert by_row[6].action == "reject" and "15" in by_row[6].text and "text" in by_row[6].text  # precision lost
    assert by_row[7].action == "reject" and "15-digit" in by_row[7].text  # old ID
    assert by_row[11].action == "reject" and "18 characters" in by_row[11].text
    assert by_row[8].action == "skip" and by_row[8].text == "blank row"
    assert by_row[9].action == "skip" and "row 4" in by_row[9].text
    assert _residents(engine) == {}  # a dry run writes nothing
    rows = importer.report_rows(plan, actions=("reject",))
    assert [r[0] for r in rows] == [6, 7, 11]


def test_import_stores_cleaned_values_and_twice_changes_nothing(engine, admin, ledger):
    _sheet, _mapping, plan = _plan(engine, admin, ledger)
    result = importer.apply_import(engine, actor=admin, plan=plan)
    assert (result.added, result.rejected) == (3, 3)
    people = _residents(engine)
    zhang, li, qian = people["张三"], people["李四"], people["钱七"]
    assert (zhang.id_number, zhang.birth_date, zhang.gender, zhang.phone) == (ZHANG, date(1948, 3, 5), "M", "13812345678")
    assert (zhang.compound, zhang.building, zhang.unit, zhang.room, zhang.notes) == ("逍遥津小区", "3", "2", "301", "独居")
    assert li.birth_date == date(1952, 11, 20)  # Excel serial 19317
    assert li.phone == "13912345678" and li.emergency_phone == "13900001111"  # full-width digits folded
    assert qian.id_number == QIAN and qian.phone == "055162345678" and qian.building == "12"
    with session_scope(engine, write=False) as s:
        before = [tuple(r) for r in s.exec(select(Resident.id, Resident.updated_at, Resident.phone)).all()]
        keys_before = s.exec(select(func.count()).select_from(ResidentSearchKey)).one()

    _sheet, _mapping, again = _plan(engine, admin, ledger)
    assert again.counts == {"add": 0, "update": 0, "skip": 5, "reject": 3}
    importer.apply_import(engine, actor=admin, plan=again)
    with session_scope(engine, write=False) as s:
        assert [tuple(r) for r in s.exec(select(Resident.id, Resident.updated_at, Resident.phone)).all()] == before
        assert s.exec(select(func.count()).select_from(ResidentSearchKey)).one() == keys_before


def test_changed_phone_is_an_update_of_the_same_person(engine, admin, ledger, xlsx):
    _s, _m, plan = _plan(engine, admin, ledger)
    importer.apply_import(engine, actor=admin, plan=plan)
    changed = xlsx("台账2.xlsx", ledger_rows(zhang_phone="13999998888"), merges=LEDGER_MERGES)
    _s, _m, plan2 = _plan(engine, admin, changed)
    upd = [r for r in plan2.results if r.action == "update"]
    assert len(upd) == 1 and upd[0].row == 4 and upd[0].changes == ("phone",)
    # row 9 repeats row 4 with the same new phone: still a duplicate of row 4, not a second update
    assert next(r for r in plan2.results if r.row == 9).action == "skip"
    importer.apply_import(engine, actor=admin, plan=plan2)
    people = _residents(engine)
    assert people["张三"].phone == "13999998888" and len([p for p in people if p == "张三"]) == 1


def test_bulk_path_writes_the_same_as_the_service(engine, admin, ledger, tmp_path):
    _s, _m, plan = _plan(engine, admin, ledger)
    importer.apply_import(engine, actor=admin, plan=plan, bulk=True)
    with session_scope(engine, write=False) as s:
        bulk = {r.name: (r.model_dump(exclude={"id", "created_at", "updated_at"}),
                         sorted((k.kind, k.key) for k in s.exec(select(ResidentSearchKey).where(ResidentSearchKey.resident_id == r.id))))
                for r in s.exec(select(Resident))}
    from desktop_app import residents as rs

    with session_scope(engine, write=False) as s:
        assert [r.name for r in rs.search(s, actor=admin, q="zs")] == ["张三"]  # the pinyin initials key works
    # the same file through residents.service.create_resident, in a fresh database
    import shutil

    from desktop_app.core.db import make_engine
    from tests.conftest import _template_db

    other = tmp_path / "other.sqlite3"
    shutil.copy(_template_db(), other)
    eng2 = make_engine(f"sqlite:///{other}")
    from desktop_app.core import auth

    with session_scope(eng2) as s:
        admin2 = auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="王主任",
                                         password="admin-pass-1")
    _s, _m, plan2 = _plan(eng2, admin2, ledger)
    importer.apply_import(eng2, actor=admin2, plan=plan2, bulk=False)
    with session_scope(eng2, write=False) as s:
        single = {r.name: (r.model_dump(exclude={"id", "created_at", "updated_at"}),
                           sorted((k.kind, k.key) for k in s.exec(select(ResidentSearchKey).where(ResidentSearchKey.resident_id == r.id))))
                  for r in s.exec(select(Resident))}
    eng2.dispose()
    assert bulk == single


def test_cancel_keeps_whole_batches_and_says_what_was_written(engine, admin, ledger):
    """Batches of one row: Cancel during the second batch keeps the first (whole), writes nothing of the rest,
    and the result says so; importing again adds the rest and skips what is there."""
    _s, _m, plan = _plan(engine, admin, ledger)
    progress = Progress()
    writes = []

    def on_update(done, total, label):
        if label == "Writing":
            writes.append(done)
            if done >= 1:
                progress.cancel()

    progress._on_update = on_update
    result = importer.apply_import(engine, actor=admin, plan=plan, progress=progress, batch=1)
    assert result.cancelled and (result.added, result.updated) == (1, 0)
    assert result.last_row == 4 and result.not_written == 2
    assert set(_residents(engine)) == {"张三"}
    _s, _m, again = _plan(engine, admin, ledger)
    assert again.counts == {"add": 2, "update": 0, "skip": 3, "reject": 3}
    done = importer.apply_import(engine, actor=admin, plan=again, batch=1)
    assert not done.cancelled and done.added == 2
    assert set(_residents(engine)) == {"张三", "李四", "钱七"}


def test_cancel_before_the_first_batch_writes_nothing(engine, admin, ledger):
    _s, _m, plan = _plan(engine, admin, ledger)
    progress = Progress()
    progress._on_update = lambda done, total, label: progress.cancel() if label == "Writing" else None
    result = importer.apply_import(engine, actor=admin, plan=plan, progress=progress)
    assert result.cancelled and result.added == 0 and result.last_row == 0
    assert _residents(engine) == {}


def test_scientific_notation_text_and_float_ids_are_refused():
    for value in (3.40102194803051e17, "3.40102E+17", 340102194803051000):
        with pytest.raises(ValidationError) as e:
            cells.parse_id_number(value)
        assert "15 digits" in str(e.value)
    assert cells.parse_id_number(int(ZHANG)) == ZHANG if ZHANG[-1] != "X" else True
    assert cells.parse_id_number(" " + ZHANG.replace("1", "１") + " ") == ZHANG


@pytest.mark.parametrize("value, expected", [
    ("1948.3.5", date(1948, 3, 5)), ("1948年3月5日", date(1948, 3, 5)), ("1948/03/05", date(1948, 3, 5)),
    ("19480305", date(1948, 3, 5)), (17597, date(1948, 3, 5)), (19480305, date(1948, 3, 5)),
    ("１９４８．３．５", date(1948, 3, 5)),
])
def test_dates(value, expected):
    assert cells.parse_date(value, "Birth date") == expected


def test_bad_date_is_a_clear_rejection():
    with pytest.raises(ValidationError) as e:
        cells.parse_date("1948年", "Birth date")
    assert "1948-03-05" in str(e.value)


def test_mapping_is_remembered(engine, admin, xlsx):
    path = xlsx("odd.xlsx", [["老人名字", "号码", "住哪"], ["张三", ZHANG, "逍遥津小区3栋"]])
    sheet = importer.read_sheet(path)
    guessed = importer.guess_mapping(sheet.labels, "residents")
    assert guessed.get(0) == "name" and 1 not in guessed  # "号码" alone is too vague to guess
    chosen = {0: "name", 1: "id_number", 2: "address"}
    with session_scope(engine) as s:
        importer.remember_mapping(s, actor=admin, kind="residents", labels=sheet.labels, mapping=chosen)
    with session_scope(engine, write=False) as s:
        remembered = importer.remembered_mapping(s, actor=admin, kind="residents")
    assert importer.guess_mapping(sheet.labels, "residents", remembered) == chosen


def test_mapping_without_names_is_refused(engine, admin, xlsx):
    path = xlsx("x.xlsx", [["身份证号"], [ZHANG]])
    sheet = importer.read_sheet(path)
    with session_scope(engine, write=False) as s, pytest.raises(ValidationError):
        importer.dry_run(s, actor=admin, sheet=sheet, mapping={0: "id_number"}, kind="residents")


def test_not_an_excel_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(ValidationError) as e:
        importer.read_sheet(bad)
    assert "x.xlsx" in str(e.value)


@pytest.mark.parametrize("role, allowed", [("admin", True), ("coordinator", True), ("front_desk", False), ("kiosk", False)])
def test_import_permissions(engine, make_actor, ledger, role, allowed):
    actor = make_actor(role)
    sheet = importer.read_sheet(ledger)
    mapping = importer.guess_mapping(sheet.labels, "residents")
    with session_scope(engine, write=False) as s:
        if allowed:
            importer.dry_run(s, actor=actor, sheet=sheet, mapping=mapping, kind="residents")
        else:
            with pytest.raises(PermissionDenied):
                importer.dry_run(s, actor=actor, sheet=sheet, mapping=mapping, kind="residents")


def test_volunteers_join_their_team_once(engine, admin, xlsx):
    from desktop_app import rosters
    from desktop_app.rosters.models import TeamMember

    with session_scope(engine) as s:
        team = rosters.create_team(s, actor=admin, name="小红帽巡逻队")
    path = xlsx("志愿者.xlsx", [["姓名", "身份证号", "联系电话", "所属队伍", "职务"],
                                ["张三", ZHANG, "13812345678", "小红帽巡逻队", "队长"],
                                ["李四", LI, "13912345678", "小红帽巡逻队", "队员"],
                                ["王五", make_id(date(1960, 1, 2), 5), "13811112222", "不存在的队", ""]])
    _s, mapping, plan = _plan(engine, admin, path, kind="volunteers")
    assert mapping[3] == "team" and mapping[4] == "role"
    assert plan.counts == {"add": 2, "update": 0, "skip": 0, "reject": 1}
    assert "不存在的队" in plan.rejected()[0].text
    importer.apply_import(engine, actor=admin, plan=plan)
    with session_scope(engine, write=False) as s:
        roles = sorted(s.exec(select(TeamMember.role).where(TeamMember.team_id == team.id)).all())
    assert roles == ["member", "team_leader"]
    _s, _m, again = _plan(engine, admin, path, kind="volunteers")
    assert again.counts == {"add": 0, "update": 0, "skip": 2, "reject": 1}


def test_meal_recipients_with_tier_and_diet(engine, admin, xlsx):
    from desktop_app.meals.models import MealRecipient, SubsidyTier, schedule_bit

    with session_scope(engine, write=False) as s:
        tier = s.exec(select(SubsidyTier).order_by(SubsidyTier.id)).first()
    path = xlsx("助餐.xlsx", [["姓名", "身份证号", "联系电话", "服务方式", "餐次", "送餐日", "补贴档次", "忌口"],
                              ["张三", ZHANG, "13812345678", "送餐", "午餐", "周一至周五", tier.name, "低盐、不吃香菜"],
                              ["李四", LI, "13912345678", "堂食", "午晚", "每天", "", ""]])
    _s, _m, plan = _plan(engine, admin, path, kind="meal_recipients")
    assert plan.counts["add"] == 2, importer.report_rows(plan)
    importer.apply_import(engine, actor=admin, plan=plan)
    with session_scope(engine, write=False) as s:
        recs = {r.resident_id: r for r in s.exec(select(MealRecipient))}
    people = _residents(engine)
    zhang = recs[people["张三"].id]
    assert zhang.service == "delivery" and zhang.low_salt and zhang.avoid == "不吃香菜" and zhang.subsidy_tier == tier.code
    assert zhang.schedule == sum(schedule_bit(d, "lunch") for d in range(5))
    li = recs[people["李四"].id]
    assert li.service == "dine_in" and li.schedule == sum(schedule_bit(d, m) for d in range(7) for m in ("lunch", "dinner"))
    _s, _m, again = _plan(engine, admin, path, kind="meal_recipients")
    assert again.counts == {"add": 0, "update": 0, "skip": 2, "reject": 0}


def test_a_big_import_refreshes_the_planner_statistics(engine, admin, ledger, monkeypatch):
    """Issue 21: thousands of new residents and plans chosen on statistics of an empty table."""
    from desktop_app.reports.importing import applying

    analysed = []
    monkeypatch.setattr(applying, "STATISTICS_AFTER_ROWS", 1)
    monkeypatch.setattr("desktop_app.core.db.refresh_statistics", lambda e: analysed.append(e))
    importer.apply_import(engine, actor=admin, plan=_plan(engine, admin, ledger)[2])
    assert analysed == [engine]
    monkeypatch.setattr(applying, "STATISTICS_AFTER_ROWS", 10**6)
    importer.apply_import(engine, actor=admin, plan=_plan(engine, admin, ledger)[2])
    assert analysed == [engine], "a small import leaves it to the periodic refresh"
