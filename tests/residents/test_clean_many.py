"""residents.clean_many (the Excel import's bulk validation) gives, record by record, exactly what the
single-record path (_clean, used by create_resident / update_resident) gives: the same cleaned values, or a
ValidationError with the same field, message and parameters — also when a value repeats (the bulk path checks
each distinct value once and reuses the result or the error)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.residents import register as service
from desktop_app.residents.models import ResidentCreate

TODAY = date(2026, 11, 23)
ID_ZENG = "11010519491231002X"  # female, born 1949-12-31
ID_MALE = "110105194912310038"
GOOD = dict(name="曾小明", id_number=ID_ZENG, phone="13812345678", compound="逍遥津小区", building="3", unit="2",
            room="301", grid="第2网格", notes="独居")

VALUES = {
    "name": ["曾小明", "  王  五 ", "阿依古丽·买买提", "", "张3", "x" * 51, "李\u200b四", "欧阳娜娜"],
    "id_number": ["", ID_ZENG, ID_MALE, "11010519491231002x", "１１０１０５１９４９１２３１００３８", "340102480305123", "12345",
                  "110105194912310039", "990105194912310038", "110105194913310038", "11010520991231003X"],
    "phone": ["", "13812345678", "0551-62345678", "+86 138 1234 5678", "12345", "1381234567a", "138１２３４５６７８",
              "19912345678", "0000"],
    "emergency_phone": ["", "13900001111", "55555"],
    "emergency_contact": ["", "张大", "张1"],
    "compound": ["", "逍遥津小区", "x" * 51, "a\x07b"],
    "building": ["", "3", "x" * 21],
    "grid": ["", "第2网格", "  第3   网格 "],
    "notes": ["", "独居\n低保", "\x00"],
    "gender": ["", "M", "F", "f", "X", "男"],
    "birth_date": [None, date(1949, 12, 31), date(1950, 1, 1), "1949-12-31", "1949.12.31", date(1880, 1, 1),
                   date(2027, 1, 1), "yesterday"],
    "consent_date": [None, date(2026, 1, 1), date(2027, 1, 1), "2026年3月5日"],
    "lives_alone": [False, True],
}


def _single(data: ResidentCreate):
    try:
        return service._clean(data, TODAY)
    except ValidationError as exc:
        return exc


def _same(a, b) -> bool:
    if isinstance(a, ValidationError) or isinstance(b, ValidationError):
        return (type(a) is type(b) and (a.field, a.message, a.params) == (b.field, b.message, b.params)
                and a.text() == b.text())
    return a == b


def _check(records: list[ResidentCreate]) -> list:
    bulk = service.clean_many(records, TODAY)
    single = [_single(r) for r in records]
    assert len(bulk) == len(records)
    for i, (b, s) in enumerate(zip(bulk, single, strict=True)):
        assert _same(b, s), (i, records[i], b, s)
    return bulk


def test_good_and_bad_records_each_field():
    records = [ResidentCreate(**GOOD)]
    for key, values in VALUES.items():
        for v in values:
            records.append(ResidentCreate(**{**GOOD, key: v}))
    records += records  # every value again: the remembered results and errors are the same
    out = _check(records)
    assert not isinstance(out[0], ValidationError) and out[0]["birth_date"] == date(1949, 12, 31)
    errors = [r for r in out if isinstance(r, ValidationError)]
    assert len({(e.field, e.message) for e in errors}) >= 12  # many different rules were exercised
    assert any(e.field == "Phone" for e in errors) and any(e.field == "ID number" for e in errors)


def test_an_error_is_not_carried_over_to_a_different_value():
    records = [ResidentCreate(**{**GOOD, "phone": "12345"}), ResidentCreate(**GOOD),
               ResidentCreate(**{**GOOD, "phone": "12345", "name": ""}), ResidentCreate(**{**GOOD, "phone": "12345"})]
    out = _check(records)
    assert [type(r).__name__ for r in out] == ["ValidationError", "dict", "ValidationError", "ValidationError"]
    assert out[2].field == "Name" and out[3].field == "Phone"


def test_progress_is_reported_and_can_cancel():
    seen = []
    service.clean_many([ResidentCreate(**GOOD)] * 2500, TODAY, progress=seen.append)
    assert seen == [0, 1000, 2000]

    class Stop(Exception):
        pass

    def stop(n):
        if n:
            raise Stop

    try:
        service.clean_many([ResidentCreate(**GOOD)] * 1500, TODAY, progress=stop)
    except Stop:
        pass
    else:
        raise AssertionError("progress could not cancel")


_record = st.fixed_dictionaries({key: st.sampled_from(values) for key, values in VALUES.items()})


@settings(max_examples=60, deadline=None)
@given(st.lists(_record, min_size=1, max_size=25))
def test_bulk_equals_single_for_any_mix(rows):
    _check([ResidentCreate(**r) for r in rows])
