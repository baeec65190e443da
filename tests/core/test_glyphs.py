"""Glyph coverage read from the fonts' cmap tables (core/glyphs.py): the same answer as ReportLab's own
tables, without loading a font into ReportLab (issue 21: 58 MB of TrueType parsed for a glyph check)."""

from __future__ import annotations

import shutil
import struct

import pytest

from desktop_app.core import glyphs, paths, pdf


@pytest.fixture
def no_reportlab_fonts(monkeypatch):
    """Any font loaded into ReportLab from here on fails the test; the chain is read afresh."""
    from reportlab.pdfbase import ttfonts

    def refuse(*_args, **_kwargs):
        raise AssertionError("a font was loaded into ReportLab")

    monkeypatch.setattr(ttfonts.TTFont, "__init__", refuse)
    for cached in (pdf.font_chain, pdf._covering, glyphs.coverage):
        cached.cache_clear()
    yield
    for cached in (pdf.font_chain, pdf._covering, glyphs.coverage):
        cached.cache_clear()


def test_checking_text_for_missing_glyphs_loads_no_font(no_reportlab_fonts):
    assert pdf.missing_glyphs("张三李四𠀾䶮") == []
    assert pdf.missing_glyphs("王\ue000") == ["\ue000"]  # private use: no font draws it


@pytest.mark.slow
@pytest.mark.parametrize("name", ["wqy-microhei.ttc", "HanaMinA.ttf", "HanaMinB.ttf"])
def test_coverage_is_what_reportlab_draws(name):
    from reportlab.pdfbase.ttfonts import TTFont

    path = paths.fonts_dir() / name
    found = glyphs.coverage(str(path), 0)
    drawn = {code for code, glyph in TTFont(f"probe-{name}", str(path)).face.charToGlyph.items() if glyph}
    assert len(found) == len(drawn)
    assert all(code in found for code in drawn)


def test_a_font_whose_licence_forbids_embedding_is_not_used(tmp_path):
    path = tmp_path / "restricted.ttc"
    shutil.copy(paths.fonts_dir() / pdf.FONT_FILE, path)
    data = bytearray(path.read_bytes())
    with open(path, "rb") as f:
        (tables,) = glyphs._header(f, 0)
    os2 = tables[b"OS/2"][0]
    struct.pack_into(">H", data, os2 + 8, 0x0002)  # fsType: restricted licence embedding
    path.write_bytes(bytes(data))
    with pytest.raises(glyphs.NotUsable):
        glyphs.coverage(str(path), 0)


def test_postscript_outlines_are_not_used(tmp_path):
    path = tmp_path / "cff.otf"
    path.write_bytes(b"OTTO" + b"\0" * 8)
    with pytest.raises(glyphs.NotUsable):
        glyphs.coverage(str(path), 0)


def test_a_fallback_font_is_loaded_only_for_a_character_that_needs_it():
    pdf.register_fonts()
    assert pdf.FONT in pdf._loaded
    assert pdf.font_for("张") == pdf.FONT
    rare = pdf.font_for("𠀾")
    assert rare not in (None, pdf.FONT) and rare in pdf._loaded
