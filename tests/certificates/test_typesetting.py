"""Chinese line breaking on certificates: no orphan character, no closing punctuation at a line start."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.certificates import typesetting


def test_last_line_never_holds_a_single_character():
    text = "感谢您长期以来热心社区公益积极参与志愿服务用实际行动温暖了邻里服务了群众谢"
    size = 12
    # choose a width where plain greedy breaking leaves "谢" alone on the last line
    width = typesetting.width(text[:-1], size) / 2 + 0.5
    lines = typesetting.wrap(text, size, width)
    assert len(lines) >= 2
    assert len(lines[-1]) >= 2, lines
    assert "".join(lines) == text


def test_closing_punctuation_never_starts_a_line_and_opening_never_ends_one():
    text = "服务内容：小红帽巡逻、垃圾分类引导、独居老人探访（每周三次），协助社区开展文明劝导。"
    for w in range(60, 400, 7):
        lines = typesetting.wrap(text, 12, w)
        assert "".join(lines) == text
        for line in lines[1:]:
            assert line[0] not in typesetting.CLOSING, (w, lines)
        for line in lines[:-1]:
            assert line[-1] not in typesetting.OPENING, (w, lines)


def test_latin_words_are_kept_whole():
    lines = typesetting.wrap("Thank you for your long-standing volunteer service with the Little Red Hat patrol", 12, 150)
    words = set("Thank you for your long-standing volunteer service with the Little Red Hat patrol".split())
    for line in lines:
        assert all(w in words for w in line.split())


@given(st.text(alphabet=st.sampled_from(list("志愿服务巡逻，。、（）“”小红帽ab c") ), min_size=1, max_size=120),
       st.integers(min_value=40, max_value=500))
def test_wrapping_keeps_every_character_and_fits(text, width):
    lines = typesetting.wrap(text, 12, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        # a line may exceed the width only by hanging punctuation or a single character that cannot break
        assert typesetting.width(line, 12) <= width + 2 * 12 or len(line) <= 2
