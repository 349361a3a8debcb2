"""The one module that formats and parses numbers, amounts and dates (Babel), for the UI,
the CLI and the outputs (DESIGN §4, §9).

Danish is the default language. Parsing never guesses silently: in Danish "2,5" is 2.5
and "1.234,56" is 1234.56, while "2.5" is refused (it is neither a Danish decimal nor
valid Danish digit grouping), so it can never become 25. Without a declared decimal mark,
``parse_number_detect`` reports a value that reads both ways ("1.500").
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from babel.dates import format_date as _babel_format_date
from babel.numbers import format_decimal

_LANG = "da"


def _(message: str) -> str:
    from app.services.i18n import _ as translate  # i18n imports this module

    return translate(message)


_LOCALES = {"da": "da_DK", "en": "en_GB"}
#: currencies Danish writes as "kr." (English writes the ISO code: "DKK")
_KRONER = frozenset({"DKK", "SEK", "NOK"})


class NumberFormatError(ValueError):
    """Text that is not a number in the expected notation; the message says why."""


class DateFormatError(ValueError):
    """Text that is not an existing date; the message says why."""


def set_language(lang: str) -> None:
    """Set the language of formatted output: ``"da"`` (default) or ``"en"``."""
    global _LANG
    if lang not in _LOCALES:
        raise ValueError(f"unknown language {lang!r}; use 'da' or 'en'")
    _LANG = lang


def language() -> str:
    """The current output language code (``"da"`` or ``"en"``)."""
    return _LANG


def _locale(lang: str | None) -> str:
    return _LOCALES[lang or _LANG]


def format_number(value: float | None, decimals: int = 0, lang: str | None = None) -> str:
    """``1234567.8`` → ``"1.234.568"`` (da, 0 decimals) or ``"1,234,568"`` (en); None → "–"."""
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_locale(lang))


def currency_unit(currency: str, lang: str | None = None) -> str:
    """The currency as the output language writes it after an amount: ``"kr."`` for the
    Scandinavian kroner in Danish, the ISO 4217 code otherwise (``"DKK"`` in English,
    ``"GBP"`` in both)."""
    if currency in _KRONER and (lang or _LANG) == "da":
        return "kr."
    return currency


def thousands_unit(currency: str, lang: str | None = None) -> str:
    """The unit of amounts shown in thousands (``format_thousands``), as the output
    language writes it: ``"1.000 kr."`` (DKK, Danish), ``"1,000 DKK"`` (DKK, English),
    ``"1.000 GBP"`` / ``"1,000 GBP"``. The one place the budget tables, frames, texts and
    exports take this unit from; a no-break space keeps number and currency together."""
    return f"{format_number(1000, 0, lang)}\u00a0{currency_unit(currency, lang)}"


def format_amount(
    value: float | None, currency: str = "DKK", decimals: int = 0, lang: str | None = None
) -> str:
    """An amount with its currency: ``"1.234.567 kr."`` (DKK, Danish), ``"1,234,567 DKK"``
    (DKK, English), ``"1.234 GBP"``; None → ``"–"``. ``value`` in whole currency units."""
    if value is None:
        return "–"
    return f"{format_number(value, decimals, lang)}\u00a0{currency_unit(currency, lang)}"


#: decimals of a score in points, the same everywhere a person reads one (the GUI's
#: tables, the bilag, the agenda item, the spreadsheets)
SCORE_DECIMALS = 1


def score_points(score: float | None) -> float | None:
    """A score on the method's 0–1 scale (DESIGN §3) as the 0–100 points people read;
    also for what is measured in score (a contribution, the price of mandatory, value
    for money = points per 1 mio.). None → None."""
    return None if score is None else score * 100.0


def format_score(score: float | None, lang: str | None = None) -> str:
    """A score 0–1 (or a contribution, a sum of scores; value for money has its own
    ``format_value_for_money``) printed as points 0–100 with one decimal: ``0.724`` → ``"72,4"`` (da),
    ``"72.4"`` (en); None → ``"–"``. The JSON of the CLI keeps 0–1 (DESIGN §6)."""
    if score is None:
        return "–"
    return format_number(score * 100.0, SCORE_DECIMALS, lang)


#: significant digits a value for money shows at least (``format_value_for_money``)
VFM_SIGNIFICANT = 3


def vfm_decimals(points: float) -> int:
    """Decimals of a value for money of ``points`` (score points per 1 mio.): one, or more
    so that at least ``VFM_SIGNIFICANT`` significant digits show (at most 6)."""
    if points == 0 or not math.isfinite(points):
        return SCORE_DECIMALS
    decimals = max(SCORE_DECIMALS, min(6, VFM_SIGNIFICANT - 1 - math.floor(math.log10(abs(points)))))
    return decimals if round(points, decimals) != 0 else SCORE_DECIMALS


def format_value_for_money(vfm: float | None, lang: str | None = None) -> str:
    """Value for money — total score (0–1) per 1 mio. of cost in the portfolio's currency
    (``scoring.VFM_UNIT``) — as score points per 1 mio. with at least one decimal and at
    least three significant digits, so both a municipality's projects of some 100.000 kr.
    and a national portfolio's of some 100 mio. GBP read: ``4.583`` → ``"458,3"``,
    ``0.0833`` → ``"8,33"``, ``0.00058`` → ``"0,0580"`` (da); None → ``"–"``.
    The one formatter of the ranking view, its comparison text and the PDF ranking."""
    if vfm is None:
        return "–"
    points = vfm * 100.0
    return format_number(points, vfm_decimals(points), lang)


def format_thousands(value: float | None, lang: str | None = None) -> str:
    """kr. → the 1.000 kr. of budget tables (rounded, no unit): 2_345_600 → ``"2.346"``."""
    if value is None:
        return "–"
    return format_number(value / 1000.0, 0, lang)


def format_percent(fraction: float | None, decimals: int = 1, lang: str | None = None) -> str:
    """0.035 → ``"3,5 %"`` (da) / ``"3.5%"`` (en)."""
    if fraction is None:
        return "–"
    text = format_number(fraction * 100.0, decimals, lang)
    return f"{text}\u00a0%" if (lang or _LANG) == "da" else f"{text}%"


def format_date(value: date | None, lang: str | None = None) -> str:
    """A date as the locale writes it short: ``"31.12.2027"`` (da), ``"31/12/2027"`` (en)."""
    if value is None:
        return "–"
    if (lang or _LANG) == "da":
        return value.strftime("%d.%m.%Y")
    return _babel_format_date(value, format="short", locale=_locale(lang)).replace("/", "/")


def format_long_date(value: date, lang: str | None = None) -> str:
    """``"30. november 2026"`` (da) / ``"30 November 2026"`` (en)."""
    return _babel_format_date(value, format="long", locale=_locale(lang))


_SPACES = re.compile(r"[\s\u00a0\u202f']")
_DANISH_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_ENGLISH_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_COMMA = re.compile(r"^[+-]?\d*,\d+$|^[+-]?\d+,?$")
_PLAIN_DOT = re.compile(r"^[+-]?\d*\.\d+$|^[+-]?\d+\.?$")
_INTEGER = re.compile(r"^[+-]?\d+$")
#: a currency or unit written after the digits ("1.000 kr.", "12kr", "5 mio.", "£3m")
_UNIT_SUFFIX = re.compile(r"(?i)(kr\.?|dkk|eur|gbp|mio\.?|mia\.?|t\.?kr\.?|%|€|£|m|bn)$")
#: … or before them ("kr. 1.000", "DKK 1.000", "£3")
_UNIT_PREFIX = re.compile(r"(?i)^(kr\.?|dkk|eur|gbp|€|£)")
#: whole kroner in Danish notation, before a ",-"
_WHOLE_KRONER = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+)$")


def _clean(text: str) -> str:
    cleaned = _SPACES.sub("", text.strip())
    cleaned = cleaned.replace("\u2212", "-")  # the real minus sign
    return cleaned


def _finite(value: float, raw: str) -> float:
    """``value``, or ``NumberFormatError`` when the digits overflowed a double to infinity."""
    if math.isfinite(value):
        return value
    raise NumberFormatError(_("“{text}” is not a number").format(text=raw.strip()))


def finite_number(value: object) -> float | None:
    """A value handed over as a number (a weight, a frame amount; not text to read — see
    ``parse_number``) as a float, or None when it is no finite number (NaN, ±infinity,
    text, None)."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def parse_number(text: str, *, decimal: str | None = None, lang: str | None = None) -> float:
    """Parse a number typed by a person or read from a file.

    ``decimal`` is the declared decimal mark ("," or "."); when None, the notation of
    ``lang`` (default: the current language) is used. Spaces and non-breaking spaces as
    digit grouping are accepted, and in Danish notation the whole-kroner form "1.000,-".
    A unit after the digits ("1.000 kr.", "5 mio.") is refused with a message that names
    it (an imported column's unit is the mapping's ``multiplier``). Raises ``NumberFormatError`` for blank text, for text
    that is not a number, and for text that would read differently in the other notation
    without valid grouping (Danish "2.5", English "2,5"), and for digits beyond what a
    double holds (about 1.8e308: "9" × 400 would read as infinity).
    """
    raw = text
    s = _clean(text)
    if not s:
        raise NumberFormatError(_("empty value"))
    mark = decimal or (",", ".")[(lang or _LANG) != "da"]
    if mark not in (",", "."):
        raise ValueError(f"decimal mark must be ',' or '.', not {mark!r}")
    if mark == "," and s.endswith((",-", ",\u2013")) and _WHOLE_KRONER.match(s[:-2]):
        s = s[:-2]  # "1.000,-": whole kroner, as Danish price tags and budgets write them
    if _INTEGER.match(s):
        return _finite(float(s), raw)
    if mark == ",":
        if _DANISH_GROUPED.match(s):
            return _finite(float(s.replace(".", "").replace(",", ".")), raw)
        if _PLAIN_COMMA.match(s):
            return _finite(float(s.replace(",", ".")), raw)
        if _PLAIN_DOT.match(s):
            raise NumberFormatError(
                _("“{text}” is not a number in Danish notation; write decimals with a comma "
                  "(e.g. {example}) or thousands with points in groups of three").format(
                    text=raw.strip(), example=s.replace(".", ","))
            )
    else:
        if _ENGLISH_GROUPED.match(s):
            return _finite(float(s.replace(",", "")), raw)
        if _PLAIN_DOT.match(s):
            return _finite(float(s), raw)
        if _PLAIN_COMMA.match(s):
            raise NumberFormatError(
                _("“{text}” is not a number in English notation; use a decimal point "
                  "(e.g. {example})").format(text=raw.strip(), example=s.replace(",", "."))
            )
    unit = _UNIT_SUFFIX.search(s) or _UNIT_PREFIX.search(s)
    if unit and len(unit.group(0)) < len(s):
        try:
            parse_number(s[:unit.start()] + s[unit.end():], decimal=mark)
        except NumberFormatError:
            pass
        else:
            raise NumberFormatError(
                _("“{text}” is not a number: write it without “{unit}” (the unit of an "
                  "imported column is set in the mapping)").format(
                    text=raw.strip(), unit=unit.group(0)))
    raise NumberFormatError(_("“{text}” is not a number").format(text=raw.strip()))


def _as_read(value: float) -> str:
    """A value read from a source, in the current language with every decimal it has
    (1500.0 → "1.500", 1.5 → "1,5" in Danish), for messages about how it was read."""
    return format_decimal(value, format="#,##0.##########", locale=_locale(None))


def parse_number_detect(text: str) -> tuple[float, str | None]:
    """Parse a number whose notation is unknown (an import with no declared ``decimal``).

    Returns ``(value, ambiguity)``: ``ambiguity`` is a message when the text reads both
    ways (e.g. "1.500": 1500 in Danish, 1.5 in English); the value is then the Danish
    reading. Raises ``NumberFormatError`` when it is a number in neither notation.
    """
    s = _clean(text)
    readings: dict[str, float] = {}
    for mark in (",", "."):
        try:
            readings[mark] = parse_number(s, decimal=mark)
        except NumberFormatError:
            pass
    if not readings:
        generic = _("“{text}” is not a number").format(text=text.strip())
        for mark in (",", "."):  # a unit written with the digits is named in either notation
            try:
                parse_number(text, decimal=mark)
            except NumberFormatError as exc:
                if str(exc) != generic and (_UNIT_SUFFIX.search(s) or _UNIT_PREFIX.search(s)):
                    raise
        raise NumberFormatError(generic)
    if len(readings) == 2 and readings[","] != readings["."]:
        return readings[","], _(
            "“{text}” reads as {danish} (Danish notation) and as {english} (English "
            "notation); set \"decimal\" in the import mapping"
        ).format(text=text.strip(), danish=_as_read(readings[","]),
                 english=_as_read(readings["."]))
    return next(iter(readings.values())), None


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date(text: str, *, date_format: str | None = None) -> date:
    """Parse a date: ISO ``2027-01-31``, ``31.01.2027``, ``31-01-2027``, ``31/01/2027``,
    an ISO date-time, or ``date_format`` (strptime) when given. The date must exist:
    "31-02-2027" raises ``DateFormatError``."""
    s = text.strip()
    if not s:
        raise DateFormatError(_("empty date"))
    formats = ((date_format,) if date_format else ()) + _DATE_FORMATS
    for fmt in formats:
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError as exc:
            if "unconverted data" in str(exc) or "does not match" in str(exc):
                continue
            raise DateFormatError(_("“{text}” is not a date that exists").format(text=s)) from exc
    try:
        return datetime.fromisoformat(s).date()
    except ValueError:
        pass
    if re.match(r"^\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}$", s) or re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", s):
        raise DateFormatError(_("“{text}” is not a date that exists").format(text=s))
    raise DateFormatError(
        _("“{text}” is not a date (use e.g. 31.12.2027 or 2027-12-31)").format(text=s))


def excel_serial_to_date(serial: float) -> date:
    """An Excel serial day number (1900 date system, as Excel on Windows) → date."""
    return _EXCEL_EPOCH + timedelta(days=int(serial))
