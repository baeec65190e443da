"""The PDF of a resident's personal-data export: every section and field, in Chinese, for the person to keep."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.core import pdf as base

# Titles of the sections and of common fields; anything else is printed under its own key.
SECTION_TITLES = {
    "residents": "居民档案 Resident record",
    "desk": "来访与服务记录 Service records",
    "rosters": "志愿服务 Volunteering",
    "meals": "助餐 Meal assistance",
    "passports": "微笑护照 Smile passport",
    "certificates": "证书 Certificates",
}
FIELD_TITLES = {
    "name": "姓名", "gender": "性别", "birth_date": "出生日期", "id_number": "身份证号", "phone": "电话",
    "address": "住址", "community": "社区", "compound": "小区", "building": "楼栋", "unit": "单元", "room": "室",
    "grid": "网格", "emergency_contact": "紧急联系人", "emergency_phone": "紧急联系电话", "notes": "备注",
    "consent_date": "同意日期", "lives_alone": "独居", "disabled": "残疾", "extreme_hardship": "特困",
    "minimum_living_allowance": "低保", "party_member": "党员", "veteran": "退役军人", "created_at": "登记时间",
    "updated_at": "更新时间", "station_id": "驿站", "erased": "已匿名", "id": "编号", "history": "操作记录",
    "resident": "档案",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ", timespec="minutes") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, list | tuple):
        return "、".join(_text(v) for v in value)
    return str(value)


def _rows(value: Any, depth: int = 0):
    """Flatten nested dicts/lists into (label, text, depth) rows."""
    if isinstance(value, dict):
        order = {k: i for i, k in enumerate(FIELD_TITLES)}
        for key, item in sorted(value.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])):
            label = FIELD_TITLES.get(key, key)
            if isinstance(item, dict | list) and item and any(isinstance(v, dict) for v in (item.values() if isinstance(item, dict) else item)):
                yield label, "", depth
                yield from _rows(item, depth + 1)
            elif isinstance(item, dict):
                yield label, "", depth
                yield from _rows(item, depth + 1)
            else:
                yield label, _text(item), depth
    elif isinstance(value, list):
        for i, item in enumerate(value, 1):
            if isinstance(item, dict):
                yield f"{i}.", "", depth
                yield from _rows(item, depth + 1)
            else:
                yield f"{i}.", _text(item), depth


def render_export(data: dict[str, Any], target: Path | BinaryIO, *, station_name: str = "") -> Path | BinaryIO:
    """Write the export ``data`` (safety.service.export_resident) as an A4 PDF to a path or a file object."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = base.styles(10)
    doc = SimpleDocTemplate(target if hasattr(target, "write") else str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=16 * mm, title="个人信息副本 Personal data export")
    p = base.markup_with_fallback
    story = [
        Paragraph(p("个人信息副本"), st["title"]),
        Paragraph(p(f"{station_name}　居民编号 {data.get('resident_id')}　导出时间 {_text(data.get('exported_at'))}　"
                    f"导出人 {data.get('exported_by', '')}"), st["small"]),
        Paragraph(p("依据《个人信息保护法》第四十五条，本文件列出本站保存的您的全部个人信息。"), st["small"]),
        Spacer(1, 4 * mm),
    ]
    width = A4[0] - 36 * mm
    for key, section in (data.get("sections") or {}).items():
        story.append(Paragraph(p(SECTION_TITLES.get(key, key)), st["h2"]))
        rows = [[Paragraph(p("　" * depth + label), st["small"]), Paragraph(p(text), st["small"])]
                for label, text, depth in _rows(section)]
        if not rows:
            rows = [[Paragraph(p("（无记录）"), st["small"]), ""]]
        table = Table(rows, colWidths=[width * 0.32, width * 0.68])
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, "#999999"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (0, -1), "#f2f2f2"),
        ]))
        story += [table, Spacer(1, 4 * mm)]
    doc.build(story)
    return target
