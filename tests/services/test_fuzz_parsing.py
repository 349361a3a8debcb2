"""Property tests (issue 8, "bad input at scale"): the number parser. Any text ends in a
number or a clear ``NumberFormatError``; what we format, we read back."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from app.services.formatting import (
    NumberFormatError,
    format_number,
    parse_number,
    parse_number_detect,
)

amounts = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
texts = st.text(alphabet=st.sampled_from(list("0123456789.,- \u00a0+eE%kr æøå'")), max_size=20) | st.text(max_size=30)


@given(amounts, st.integers(min_value=0, max_value=3), st.sampled_from(["da", "en"]))
def test_formatted_numbers_read_back(value, decimals, lang):
    text = format_number(value, decimals, lang=lang)
    back = parse_number(text, lang=lang)
    assert math.isclose(back, round(value, decimals), rel_tol=1e-12, abs_tol=10 ** -decimals / 2)


@given(texts, st.sampled_from([None, ",", "."]), st.sampled_from(["da", "en"]))
def test_any_text_is_a_number_or_a_clear_refusal(text, decimal, lang):
    try:
        value = parse_number(text, decimal=decimal, lang=lang)
    except NumberFormatError as exc:
        assert str(exc)  # says why
    else:
        assert math.isfinite(value)
        assert any(c.isdigit() for c in text)


@given(texts)
def test_detection_never_guesses_silently(text):
    try:
        value, ambiguity = parse_number_detect(text)
    except NumberFormatError as exc:
        assert str(exc)
        return
    assert math.isfinite(value)
    try:
        danish = parse_number(text, decimal=",")
    except NumberFormatError:
        danish = None
    try:
        english = parse_number(text, decimal=".")
    except NumberFormatError:
        english = None
    if danish is not None and english is not None and danish != english:
        assert ambiguity, f"{text!r} reads {danish} and {english} but no ambiguity was reported"


@given(st.integers(min_value=1000, max_value=999_999), st.integers(min_value=0, max_value=99))
def test_danish_decimals_are_never_read_as_thousands(whole, cents):
    danish = f"{format_number(whole, 0, lang='da')},{cents:02d}"
    assert parse_number(danish, lang="da") == whole + cents / 100


#: numbers longer than a double can hold (a "huge cell" of digits, as in the import fuzz
#: run, where 400 nines were imported as an infinite cost)
huge_numbers = st.builds(
    lambda sign, digits, tail: sign + digits + tail,
    st.sampled_from(["", "-", "+"]),
    st.text(alphabet="0123456789", min_size=300, max_size=1200),
    st.sampled_from(["", ",5", ".5", ",", "."]))


@given(huge_numbers, st.sampled_from([None, ",", "."]), st.sampled_from(["da", "en"]))
def test_a_number_too_large_for_a_double_is_refused_never_infinite(text, decimal, lang):
    try:
        value = parse_number(text, decimal=decimal, lang=lang)
    except NumberFormatError as exc:
        assert text.strip() in str(exc)
    else:
        assert math.isfinite(value)
    try:
        value, _ambiguity = parse_number_detect(text)
    except NumberFormatError as exc:
        assert str(exc)
    else:
        assert math.isfinite(value)
