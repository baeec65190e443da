"""Pinyin keys: every reading of polyphonic characters, surname readings, digit tails."""

from desktop_app.core.search_keys import KIND_INITIALS, KIND_PINYIN, name_readings, person_keys


def keys_of(name, kind):
    return {k for k, kd in person_keys(name) if kd == kind}


def test_surname_readings_come_first():
    for name, reading in [("曾小明", "zeng"), ("单田芳", "shan"), ("解放", "xie"), ("仇英", "qiu"), ("区志强", "ou")]:
        assert name_readings(name)[0][0] == reading, name


def test_polyphonic_characters_keep_every_reading():
    pinyin = keys_of("曾重阳", KIND_PINYIN)
    assert "zengzhongyang" in pinyin and "zengchongyang" in pinyin
    initials = keys_of("曾重阳", KIND_INITIALS)
    assert {"zzy", "zcy"} <= initials


def test_compound_surname_and_given_name_alone():
    assert "ouyangna" in keys_of("欧阳娜", KIND_PINYIN)
    assert "xiaoming" in keys_of("张小明", KIND_PINYIN)


def test_phone_suffixes_make_substring_search_possible():
    keys = {k for k, _ in person_keys("张三", "13812345678", "11010519491231002X")}
    assert "2345678" in keys and "5678" in keys and "002x" in keys
