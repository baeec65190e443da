"""The kitchen sheet on paper (A5 portrait, the kitchen's clipboard): the day's meal counts by service and
diet, lunch and dinner side by side, then every "foods to avoid" note with the recipient's name. Drawn
with meals.pdf's Pen (the CJK font chain), in the station's language of print (translated texts)."""

from __future__ import annotations

from io import BytesIO

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.meals.labels import DIET_LABELS, SERVICE_LABELS
from desktop_app.meals.models import DIETS, MEALS, SERVICES
from desktop_app.meals.orders import KitchenSheet
from desktop_app.meals.pdf import Pen, meal_label

A5_W, A5_H = 419.53, 595.28
MARGIN = 28
CTX = "MealsPdf"
T = {
    "title": QT_TRANSLATE_NOOP("MealsPdf", "Kitchen sheet"),
    "meals": QT_TRANSLATE_NOOP("MealsPdf", "Meals"),
    "plain": QT_TRANSLATE_NOOP("MealsPdf", "no special diet"),
    "avoid": QT_TRANSLATE_NOOP("MealsPdf", "Foods to avoid"),
    "none": QT_TRANSLATE_NOOP("MealsPdf", "none"),
    "page": QT_TRANSLATE_NOOP("MealsPdf", "Page {n}"),
    "weekdays": QT_TRANSLATE_NOOP("MealsPdf", "Mon Tue Wed Thu Fri Sat Sun"),
}


def _t(key: str, **params) -> str:
    return translate(CTX, T[key], **params)


def kitchen_sheet(sheet: KitchenSheet, *, station: str = "") -> bytes:
    """The kitchen sheet of ``sheet.day`` as an A5 PDF."""
    from reportlab.pdfgen import canvas

    out = BytesIO()
    c = canvas.Canvas(out, pagesize=(A5_W, A5_H), pageCompression=1)
    title = f"{_t('title')} {sheet.day.isoformat()}"
    c.setTitle(title)
    c.setAuthor("SmileDesk")
    pen = Pen(c)
    page = [1]

    def head() -> float:
        y = A5_H - MARGIN
        weekday = _t("weekdays").split()[sheet.day.weekday()]
        pen.text(MARGIN, y - 14, f"{station}  {_t('title')}", 14)
        pen.text(A5_W - MARGIN, y - 14, f"{sheet.day.isoformat()} {weekday}", 10, "right")
        pen.text(A5_W - MARGIN, MARGIN / 2, _t("page", n=page[0]), 8, "right")
        return y - 34

    def next_page() -> float:
        c.showPage()
        pen._current = None
        page[0] += 1
        return head()

    y = head()
    keys = ["total", *SERVICES, *DIETS, "plain"]
    labels: dict[str, str] = {"total": _t("meals"), "plain": _t("plain"),
              **{k: translate("Meals", SERVICE_LABELS[k]) for k in SERVICES},
              **{d: translate("Meals", DIET_LABELS[d]) for d in DIETS}}
    col = [MARGIN, MARGIN + 170, MARGIN + 270]
    c.setFillGray(0.9)
    c.rect(MARGIN, y - 18, A5_W - 2 * MARGIN, 18, stroke=0, fill=1)
    c.setFillGray(0)
    for j, meal in enumerate(MEALS):
        pen.text(col[j + 1] + 70, y - 13, meal_label(meal), 11, "right")
    y -= 18
    for k in keys:
        size = 13 if k == "total" else 11
        pen.text(col[0] + 4, y - 15, labels[k], size)
        for j, meal in enumerate(MEALS):
            pen.text(col[j + 1] + 70, y - 15, str(sheet.counts[meal][k]), size, "right")
        y -= 21
        c.setLineWidth(0.3)
        c.line(MARGIN, y, A5_W - MARGIN, y)
    y -= 24
    pen.text(MARGIN, y, _t("avoid"), 12)
    y -= 8
    notes = [(meal, name, text) for meal in MEALS for name, text in sheet.avoid[meal]]
    if not notes:
        pen.text(MARGIN + 4, y - 14, _t("none"), 10)
    for meal, name, text in notes:
        lines = pen.fit(text, 10, A5_W - 2 * MARGIN - 130, 3)
        need = 15 * len(lines) + 4
        if y - need < MARGIN:
            y = next_page() - 8
        pen.text(MARGIN + 4, y - 14, meal_label(meal), 10)
        pen.text(MARGIN + 44, y - 14, name, 10)
        for i, line in enumerate(lines):
            pen.text(MARGIN + 130, y - 14 - 15 * i, line, 10)
        y -= need
    c.showPage()
    c.save()
    return out.getvalue()
