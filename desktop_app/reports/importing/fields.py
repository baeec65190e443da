"""What a register's columns can be imported as, and the column mapping (guessed, remembered).

Field keys are the residents' own (name, id_number, …) plus the volunteer and meal-recipient parts;
each has a translated label and the header words stations write for it (姓名, 身份证号, 联系电话 …).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlmodel import Session, select

from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.validation import fold
from desktop_app.reports.permissions import IMPORT_REGISTERS


class Kind(StrEnum):
    """What a sheet holds."""

    RESIDENTS = "residents"
    VOLUNTEERS = "volunteers"
    MEAL_RECIPIENTS = "meal_recipients"


class Action(StrEnum):
    """What the import does with a row."""

    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    REJECT = "reject"


KINDS = tuple(Kind)


KIND_LABELS = {
    "residents": QT_TRANSLATE_NOOP("Import", "Residents"),
    "volunteers": QT_TRANSLATE_NOOP("Import", "Volunteers"),
    "meal_recipients": QT_TRANSLATE_NOOP("Import", "Meal recipients"),
}


RESIDENT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": (QT_TRANSLATE_NOOP("Fields", "Name"), ("姓名", "名字", "居民姓名", "老人姓名", "志愿者姓名", "户主姓名", "name")),
    "id_number": (QT_TRANSLATE_NOOP("Fields", "ID number"),
                  ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "idnumber")),
    "gender": (QT_TRANSLATE_NOOP("Fields", "Gender"), ("性别", "gender")),
    "birth_date": (QT_TRANSLATE_NOOP("Fields", "Birth date"), ("出生日期", "出生年月日", "出生年月", "生日", "birthdate")),
    "phone": (QT_TRANSLATE_NOOP("Fields", "Phone"),
              ("联系电话", "电话", "手机", "手机号", "手机号码", "电话号码", "本人电话", "联系方式", "phone")),
    "address": (QT_TRANSLATE_NOOP("Fields", "Address"), ("住址", "家庭住址", "地址", "居住地址", "现住址", "详细地址", "address")),
    "community": (QT_TRANSLATE_NOOP("Fields", "Community"), ("社区", "所属社区")),
    "compound": (QT_TRANSLATE_NOOP("Fields", "Compound"), ("小区", "小区名称", "所在小区")),
    "building": (QT_TRANSLATE_NOOP("Fields", "Building"), ("楼栋", "楼号", "栋", "幢", "楼栋号")),
    "unit": (QT_TRANSLATE_NOOP("Fields", "Unit"), ("单元", "单元号")),
    "room": (QT_TRANSLATE_NOOP("Fields", "Room"), ("房号", "门牌号", "室", "房间号")),
    "grid": (QT_TRANSLATE_NOOP("Fields", "Grid"), ("网格", "所属网格", "网格名称")),
    "emergency_contact": (QT_TRANSLATE_NOOP("Fields", "Emergency contact"), ("紧急联系人", "监护人", "联系人")),
    "emergency_phone": (QT_TRANSLATE_NOOP("Fields", "Emergency phone"),
                        ("紧急联系电话", "紧急联系人电话", "监护人电话", "联系人电话", "家属电话")),
    "notes": (QT_TRANSLATE_NOOP("Fields", "Notes"), ("备注", "说明", "notes")),
    "tags": (QT_TRANSLATE_NOOP("Import", "Categories (独居、低保 …)"), ("人员类别", "类别", "标签", "特殊人群", "人群类别")),
    "lives_alone": (QT_TRANSLATE_NOOP("Tags", "lives alone"), ("独居", "是否独居", "独居老人")),
    "disabled": (QT_TRANSLATE_NOOP("Tags", "disabled"), ("残疾", "是否残疾", "残疾人")),
    "extreme_hardship": (QT_TRANSLATE_NOOP("Tags", "extreme hardship"), ("特困", "是否特困", "特困人员")),
    "minimum_living_allowance": (QT_TRANSLATE_NOOP("Tags", "minimum living allowance"), ("低保", "是否低保", "低保户")),
    "party_member": (QT_TRANSLATE_NOOP("Tags", "party member"), ("党员", "是否党员", "政治面貌")),
    "veteran": (QT_TRANSLATE_NOOP("Tags", "veteran"), ("退役军人", "是否退役军人")),
}


VOLUNTEER_FIELDS = {
    "team": (QT_TRANSLATE_NOOP("Import", "Team"), ("队伍", "所属队伍", "服务队", "志愿服务队", "队伍名称", "所在队伍")),
    "role": (QT_TRANSLATE_NOOP("Import", "Role in the team"), ("职务", "角色", "队内职务")),
    "joined_on": (QT_TRANSLATE_NOOP("Import", "Joined on"), ("加入日期", "入队时间", "入队日期", "加入时间")),
}


MEAL_FIELDS = {
    "service": (QT_TRANSLATE_NOOP("Import", "Service (delivery / dine-in)"), ("服务方式", "就餐方式", "助餐方式")),
    "meals": (QT_TRANSLATE_NOOP("Import", "Meals (lunch / dinner)"), ("餐次", "用餐餐次", "订餐")),
    "days": (QT_TRANSLATE_NOOP("Import", "Days of the week"), ("送餐日", "就餐日", "用餐日", "星期")),
    "delivery_address": (QT_TRANSLATE_NOOP("Fields", "Delivery address"), ("送餐地址",)),
    "subsidy_tier": (QT_TRANSLATE_NOOP("Fields", "Subsidy tier"), ("补贴档次", "补贴类别", "补贴标准", "补贴类型")),
    "diet": (QT_TRANSLATE_NOOP("Import", "Diet"), ("忌口", "饮食要求", "饮食禁忌", "饮食")),
}


TAG_WORDS = {"独居": "lives_alone", "残疾": "disabled", "特困": "extreme_hardship", "低保": "minimum_living_allowance",
             "党员": "party_member", "退役军人": "veteran", "退伍": "veteran"}


TAGS = ("lives_alone", "disabled", "extreme_hardship", "minimum_living_allowance", "party_member", "veteran")




F_ID = QT_TRANSLATE_NOOP("Fields", "ID number")


F_FILE = QT_TRANSLATE_NOOP("Fields", "Excel file")


F_MAPPING = QT_TRANSLATE_NOOP("Fields", "Column mapping")


F_TEAM = QT_TRANSLATE_NOOP("Import", "Team")


ACTIONS = tuple(Action)


ACTION_LABELS = {
    "add": QT_TRANSLATE_NOOP("Import", "add"),
    "update": QT_TRANSLATE_NOOP("Import", "update"),
    "skip": QT_TRANSLATE_NOOP("Import", "skip"),
    "reject": QT_TRANSLATE_NOOP("Import", "reject"),
}


def fields_for(kind: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    if kind == "volunteers":
        return {**RESIDENT_FIELDS, **VOLUNTEER_FIELDS}
    if kind == "meal_recipients":
        return {**RESIDENT_FIELDS, **MEAL_FIELDS}
    return dict(RESIDENT_FIELDS)


@dataclass(frozen=True)
class Reason:
    """Why a row is skipped or rejected: a translatable message (context "Import") with its values."""

    message: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self) -> str:
        return translate("Import", self.message, **dict(self.params))


def reason(message: str, **params) -> Reason:
    return Reason(message, tuple(params.items()))


def reason_text(r: Reason | SmileDeskError | None) -> str:
    return "" if r is None else r.text()


def normalise_header(text: Any) -> str:
    t = fold("" if text is None else str(text)).lower()
    t = re.sub(r"[\s*＊:：]", "", t)
    t = re.sub(r"[(（\[【].*?[)）\]】]", "", t)  # 身份证号（必填） → 身份证号
    return t


def known_headers(kind: str) -> list[tuple[str, str]]:
    words = [(normalise_header(w), key) for key, (_l, ws) in fields_for(kind).items() for w in ws]
    return sorted(words, key=lambda x: -len(x[0]))


def guess_mapping(labels: Sequence[str], kind: str, remembered: dict[str, str] | None = None) -> dict[int, str]:
    """Column index → field key. Remembered labels first, then exact header words, then contained words."""
    fields = fields_for(kind)
    remembered = remembered or {}
    out: dict[int, str] = {}
    used: set[str] = set()
    for j, label in enumerate(labels):
        key = remembered.get(normalise_header(label))
        if key is not None:
            if key and key in fields and key not in used:
                out[j] = key
                used.add(key)
            elif key == "":
                out[j] = ""  # remembered as "do not import"
    known = known_headers(kind)
    exact: dict[str, str] = {}
    for w, key in known:
        exact.setdefault(w, key)
    heads = [normalise_header(x.split("/")[-1]) for x in labels]
    fulls = [normalise_header(x) for x in labels]
    for j in range(len(labels)):
        if j in out:
            continue
        key = exact.get(heads[j]) or exact.get(fulls[j])
        if key and key not in used:
            out[j] = key
            used.add(key)
    for j in range(len(labels)):
        if j in out or not heads[j]:
            continue
        for w, key in known:
            if len(w) >= 2 and key not in used and (w in heads[j] or w in fulls[j]):
                out[j] = key
                used.add(key)
                break
    return {j: k for j, k in out.items() if k}


def mapping_key(kind: str) -> str:
    return f"reports.mapping.{kind}"


def remembered_mapping(s: Session, *, actor: Actor, kind: str) -> dict[str, str]:
    """Header label (normalised) → field this station chose before ("" = not imported)."""
    from desktop_app.core.models import StationSetting

    row = s.exec(select(StationSetting).where(StationSetting.key == mapping_key(kind),
                                              StationSetting.station_id == actor.station_id)).first()
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except ValueError:
        return {}


def remember_mapping(s: Session, *, actor: Actor, kind: str, labels: Sequence[str], mapping: dict[int, str]) -> None:
    """Store the confirmed mapping (merged into what was remembered) as a station setting, audited."""
    require(actor, IMPORT_REGISTERS)
    from desktop_app.core.models import StationSetting

    known = remembered_mapping(s, actor=actor, kind=kind)
    before = dict(known)
    for j, label in enumerate(labels):
        h = normalise_header(label)
        if h:
            known[h] = mapping.get(j, "")
    if known == before:
        return
    row = s.exec(select(StationSetting).where(StationSetting.key == mapping_key(kind),
                                              StationSetting.station_id == actor.station_id)).first()
    if row is None:
        row = StationSetting(station_id=actor.station_id, key=mapping_key(kind), value="")
    row.value = json.dumps(known, ensure_ascii=False, sort_keys=True)
    s.add(row)
    s.flush()
    audit.record(s, actor=actor, action="update", entity="station_setting", entity_id=mapping_key(kind),
                 before=json.dumps(before, ensure_ascii=False, sort_keys=True), after=row.value)


CHANGE_LABELS = {
    "team": ("Import", VOLUNTEER_FIELDS["team"][0]),
    "role": ("Import", VOLUNTEER_FIELDS["role"][0]),
    "meal_recipient": ("Import", QT_TRANSLATE_NOOP("Import", "new meal recipient")),
    "service": ("Import", MEAL_FIELDS["service"][0]),
    "schedule": ("Import", QT_TRANSLATE_NOOP("Import", "weekly schedule")),
    "subsidy_tier": ("Fields", MEAL_FIELDS["subsidy_tier"][0]),
    "delivery_address": ("Fields", MEAL_FIELDS["delivery_address"][0]),
    "avoid": ("Import", QT_TRANSLATE_NOOP("Import", "foods to avoid")),
    "low_salt": ("Import", QT_TRANSLATE_NOOP("Import", "low salt")),
    "low_sugar": ("Import", QT_TRANSLATE_NOOP("Import", "low sugar")),
    "soft": ("Import", QT_TRANSLATE_NOOP("Import", "soft food")),
    "vegetarian": ("Import", QT_TRANSLATE_NOOP("Import", "vegetarian")),
    "halal": ("Import", QT_TRANSLATE_NOOP("Import", "halal")),
    "consent_date": ("Fields", QT_TRANSLATE_NOOP("Fields", "Consent date")),
}


def field_label(key: str) -> str:
    """A field or change in the user's language."""
    if key in CHANGE_LABELS:
        ctx, text = CHANGE_LABELS[key]
        return translate(ctx, text)
    label = {**RESIDENT_FIELDS, **VOLUNTEER_FIELDS, **MEAL_FIELDS}.get(key)
    if label is None:
        return key
    ctx = "Tags" if key in TAGS else "Import" if key in ("tags", *VOLUNTEER_FIELDS, *MEAL_FIELDS) else "Fields"
    return translate(ctx, label[0])
