"""Number traps in every numeric field type (amount, percent, årsværk, score level,
numeric criterion value, year), in Danish and English: "2.5" in a Danish field never
becomes 25, "2,5" in an English field never becomes 25, blank is missing, not zero."""

from __future__ import annotations

import pytest

from app.services.formatting import NumberFormatError
from app.ui.widgets.number_edit import NumberEdit, format_field, parse_field

ACCEPTED = [
    # kind, lang, typed, value
    ("amount", "da", "1.234.567", 1_234_567.0),
    ("amount", "da", "1.234,5", 1234.5),
    ("amount", "da", "2,5", 2.5),
    ("amount", "da", "250 000", 250_000.0),
    ("amount", "en", "1,234,567", 1_234_567.0),
    ("amount", "en", "2.5", 2.5),
    ("signed_amount", "da", "-1.500,25", -1500.25),
    ("signed_amount", "en", "-1,500.25", -1500.25),
    ("percent", "da", "3,5", 0.035),
    ("percent", "da", "3,5 %", 0.035),
    ("percent", "en", "3.5%", 0.035),
    ("fte", "da", "0,5", 0.5),
    ("fte", "en", "0.5", 0.5),
    ("level", "da", "3", 3.0),
    ("level", "en", "4", 4.0),
    ("value", "da", "1.500.000", 1_500_000.0),
    ("value", "da", "12,75", 12.75),
    ("value", "en", "12.75", 12.75),
    ("year", "da", "2027", 2027.0),
    ("year", "en", "2030", 2030.0),
]

REFUSED = [
    ("amount", "da", "2.5"), ("amount", "en", "2,5"),
    ("signed_amount", "da", "1.5"), ("signed_amount", "en", "1,5"),
    ("percent", "da", "3.5"), ("percent", "en", "3,5"),
    ("fte", "da", "0.5"), ("fte", "en", "0,5"),
    ("level", "da", "2.5"), ("level", "en", "2,5"), ("level", "da", "5"), ("level", "en", "1.5"),
    ("value", "da", "12.75"), ("value", "en", "12,75"),
    ("year", "da", "2027,5"), ("year", "en", "2027.5"), ("year", "da", "27"),
    ("amount", "da", "-100"), ("fte", "en", "-1"), ("amount", "da", "tusind"),
    ("percent", "da", "150"),
]


@pytest.mark.parametrize("kind,lang,typed,value", ACCEPTED)
def test_numbers_in_the_languages_notation_are_accepted(kind, lang, typed, value) -> None:
    assert parse_field(kind, typed, lang=lang) == pytest.approx(value)


@pytest.mark.parametrize("kind,lang,typed", REFUSED)
def test_numbers_in_the_other_notation_or_out_of_range_are_refused(kind, lang, typed) -> None:
    with pytest.raises(NumberFormatError) as exc:
        parse_field(kind, typed, lang=lang)
    assert str(exc.value)  # a message for the user


@pytest.mark.parametrize("kind", ["amount", "percent", "fte", "level", "value", "year"])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_blank_is_missing_never_zero(kind, lang) -> None:
    assert parse_field(kind, "   ", lang=lang) is None


def test_danish_two_point_five_is_refused_and_the_message_suggests_a_comma() -> None:
    with pytest.raises(NumberFormatError, match="2,5"):
        parse_field("amount", "2.5", lang="da")


@pytest.mark.parametrize("kind,value,lang,text", [
    ("amount", 1_234_567.0, "da", "1.234.567"), ("amount", 1_234_567.0, "en", "1,234,567"),
    ("percent", 0.035, "da", "3,5"), ("percent", 0.035, "en", "3.5"),
    ("fte", 0.5, "da", "0,5"), ("year", 2027.0, "da", "2027"), ("level", 3.0, "en", "3"),
])
def test_shown_values_read_back_to_the_same_number(kind, value, lang, text) -> None:
    assert format_field(kind, value, lang=lang) == text
    assert parse_field(kind, text, lang=lang) == pytest.approx(value)


def test_number_edit_never_stores_a_refused_value(qtbot) -> None:
    from app.services.i18n import set_language

    set_language("da")
    edit = NumberEdit("amount")
    qtbot.addWidget(edit)
    edit.set_value(100.0)
    committed: list[object] = []
    refused: list[str] = []
    edit.committed.connect(committed.append)
    edit.refused.connect(refused.append)
    edit.setText("2.5")
    edit.editingFinished.emit()
    assert edit.value() == 100.0 and committed == [] and refused and edit.error
    edit.setText("1.234,5")
    edit.editingFinished.emit()
    assert edit.value() == 1234.5 and committed == [1234.5] and not edit.error
    assert edit.text() == "1.234,50"  # kr. with øre: two decimals
