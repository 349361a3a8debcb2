"""Number and date traps of DESIGN §9, in Danish and English."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.formatting import (
    DateFormatError,
    NumberFormatError,
    format_amount,
    format_number,
    format_thousands,
    parse_date,
    parse_number,
    parse_number_detect,
    set_language,
)


@pytest.mark.parametrize(
    "text,value",
    [("2,5", 2.5), ("1.234,56", 1234.56), ("1.500", 1500.0), ("-3,5", -3.5), ("12", 12.0),
     ("1 234 567", 1234567.0), ("1\u00a0234,5", 1234.5), ("\u22124", -4.0)],
)
def test_danish_numbers(text, value):
    assert parse_number(text, lang="da") == value


def test_danish_2_point_5_is_refused_never_25():
    with pytest.raises(NumberFormatError, match="dansk notation"):
        parse_number("2.5", lang="da")


@pytest.mark.parametrize("text,value", [("2.5", 2.5), ("1,234.5", 1234.5), ("1,500", 1500.0)])
def test_english_numbers(text, value):
    assert parse_number(text, lang="en") == value


def test_english_2_comma_5_is_refused():
    with pytest.raises(NumberFormatError):
        parse_number("2,5", lang="en")


def test_declared_decimal_mark_is_used_as_declared():
    assert parse_number("1.500", decimal=".") == 1.5
    assert parse_number("1.500", decimal=",") == 1500.0


def test_detected_notation_reports_a_value_that_reads_both_ways():
    value, ambiguity = parse_number_detect("1.500")
    assert ambiguity and "1.500" in ambiguity
    assert parse_number_detect("2.5") == (2.5, None)
    assert parse_number_detect("1.234,56") == (1234.56, None)


def test_a_value_that_reads_both_ways_is_named_in_the_notation_of_the_message():
    _value, ambiguity = parse_number_detect("1.500")  # the default language is Danish
    assert "1.500 (dansk notation)" in ambiguity and "1,5 (engelsk notation)" in ambiguity
    assert "1500.0" not in ambiguity
    set_language("en")
    try:
        _value, ambiguity = parse_number_detect("1,500")
        assert "1.5 (Danish notation)" in ambiguity and "1,500 (English notation)" in ambiguity
    finally:
        set_language("da")


@pytest.mark.parametrize("text,value", [("1.000,-", 1000.0), ("250,-", 250.0),
                                        ("-1.500,-", -1500.0), ("1.000,\u2013", 1000.0)])
def test_whole_kroner_dash_is_a_danish_number(text, value):
    assert parse_number(text, decimal=",") == value


@pytest.mark.parametrize("text", ["1.000,5,-", "2,5,-", ",-"])
def test_the_dash_follows_whole_kroner_only(text):
    with pytest.raises(NumberFormatError):
        parse_number(text, decimal=",")


@pytest.mark.parametrize("text,unit", [("1.000 kr.", "kr."), ("kr. 1.000", "kr."),
                                       ("DKK 1.000", "DKK"), ("50%", "%"),
                                       ("1,000.5 kr", "kr")])
def test_a_unit_is_named_also_when_the_notation_is_detected(text, unit):
    with pytest.raises(NumberFormatError) as err:
        parse_number_detect(text)
    assert f"»{unit}«" in str(err.value) and f"»{text}«" in str(err.value)


def test_whole_kroner_dash_is_not_english():
    with pytest.raises(NumberFormatError):
        parse_number("1,000,-", decimal=".")


@pytest.mark.parametrize("text,unit", [("1.000 kr.", "kr."), ("12kr", "kr"), ("5 mio.", "mio."),
                                       ("£3m", None)])
def test_a_unit_after_the_digits_is_named(text, unit):
    with pytest.raises(NumberFormatError) as err:
        parse_number(text, decimal=",")
    if unit:
        assert f"»{unit}«" in str(err.value) and "importopsætningen" in str(err.value)


@pytest.mark.parametrize("text", ["", "   ", "abc", "1,2,3", "12kr", ",-", "item", "kr."])
def test_non_numbers_are_refused(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_formatted_danish_integers_parse_back(n):
    assert parse_number(format_number(n, lang="da"), lang="da") == n


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_formatted_english_decimals_parse_back(d):
    assert parse_number(format_number(float(d), 2, lang="en"), lang="en") == pytest.approx(float(d))


def test_amounts_in_danish():
    assert format_amount(1234567, "DKK", lang="da") == "1.234.567\u00a0kr."
    assert format_thousands(2_345_600, lang="da") == "2.346"


@pytest.mark.parametrize(
    "text,expected",
    [("2027-01-31", date(2027, 1, 31)), ("31.01.2027", date(2027, 1, 31)),
     ("31-01-2027", date(2027, 1, 31)), ("2027-01-31T00:00:00", date(2027, 1, 31))],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2027", "30.02.2027", "2027-02-30"])
def test_impossible_dates_are_refused(text):
    with pytest.raises(DateFormatError, match="findes"):
        parse_date(text)


@pytest.mark.parametrize("score,da,en", [(0.724, "72,4", "72.4"), (0.0, "0,0", "0.0"),
                                         (1.0, "100,0", "100.0"), (12.239, "1.223,9", "1,223.9"),
                                         (None, "–", "–")])
def test_a_score_0_to_1_prints_as_points_with_one_decimal(score, da, en):
    from app.services.formatting import format_score

    assert format_score(score, lang="da") == da
    assert format_score(score, lang="en") == en


@given(st.floats(min_value=0, max_value=50, allow_nan=False))
def test_format_score_is_what_the_ranking_view_shows(score):
    # app/ui/views/ranking_model.py prints format_number(score * 100, 1)
    from app.services.formatting import format_score

    assert format_score(score, lang="da") == format_number(score * 100, 1, lang="da")


def test_the_krone_is_kr_in_danish_and_dkk_in_english():
    from app.services.formatting import currency_unit

    assert format_amount(2500, "DKK", lang="da") == "2.500\u00a0kr."
    assert format_amount(2500, "DKK", lang="en") == "2,500\u00a0DKK"
    assert currency_unit("GBP", lang="da") == currency_unit("GBP", lang="en") == "GBP"


def test_thousands_unit_follows_the_language_and_the_exports_use_it():
    from app.services import formatting
    from app.services.exports.fmt import money_unit
    from app.services.formatting import thousands_unit

    assert thousands_unit("DKK", lang="da") == "1.000\u00a0kr."
    assert thousands_unit("DKK", lang="en") == "1,000\u00a0DKK"
    assert thousands_unit("GBP", lang="da") == "1.000\u00a0GBP"
    assert thousands_unit("GBP", lang="en") == "1,000\u00a0GBP"
    try:
        for lang in ("da", "en"):
            formatting.set_language(lang)
            for currency in ("DKK", "GBP"):
                assert money_unit(currency, 1000) == thousands_unit(currency)
    finally:
        formatting.set_language("da")
