"""Printed passports: ten cards per A4 with cut marks, a booklet cover; text extractable, QR scannable data."""

from __future__ import annotations

import io
import random
from datetime import date

from pypdf import PdfReader

from desktop_app.core.db import session_scope
from desktop_app.passports import cards, codes, pdf

from .conftest import TODAY


def test_cards_ten_per_a4_with_names_and_numbers(engine, admin, residents):
    with session_scope(engine) as s:
        for r in residents:
            cards.issue_passport(s, actor=admin, resident_id=r, today=TODAY, rng=random.Random(r))
        items = cards.card_items(s, actor=admin, issued_on=TODAY)
    items = items * 4  # 12 cards → two sheets
    data = pdf.render_cards(items)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 2
    w, h = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert round(w / 72 * 25.4) == 210 and round(h / 72 * 25.4) == 297
    text = reader.pages[0].extract_text()
    assert "张晓明" in text and codes.display(items[0].number) in text and "Smile passport" in text
    assert "逍遥津社区党群服务中心" in text
    assert text.count("Smile passport") == 10  # English interface; Chinese: tests/test_papers_language.py


def test_card_fits_credit_card_size():
    assert abs(pdf.CARD_W / pdf.MM - 85.6) < 0.01 and abs(pdf.CARD_H / pdf.MM - 53.98) < 0.01
    assert pdf.COLS * pdf.CARD_W < 210 * pdf.MM and pdf.ROWS * pdf.CARD_H < 297 * pdf.MM - 2 * (pdf.CUT + 2 * pdf.MM)


def test_booklet_cover(engine):
    item = pdf.CardItem(name="欧阳䶮", number=codes.make_number("382104579"), issued_on=date(2026, 5, 12), station="杏花村社区")
    reader = PdfReader(io.BytesIO(pdf.render_booklet_cover(item)))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "欧阳" in text and codes.display(item.number) in text and "2026-05-12" in text
