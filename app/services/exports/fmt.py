"""Memoised front of ``app.services.formatting`` for the exports: a 300-page bilag formats
tens of thousands of numbers, many of them equal (0, the same totals), and each Babel
call costs about half a millisecond. Same results, keyed on the current language."""

from __future__ import annotations

from functools import lru_cache

from app.services import formatting


@lru_cache(maxsize=65536)
def _number(value: float | None, decimals: int, lang: str) -> str:
    return formatting.format_number(value, decimals, lang)


def format_number(value: float | None, decimals: int = 0) -> str:
    """``formatting.format_number`` in the current language (memoised)."""
    return _number(value, decimals, formatting.language())


def format_thousands(value: float | None) -> str:
    """``formatting.format_thousands`` (kr. → 1.000 kr.), memoised."""
    if value is None:
        return "–"
    return _number(round(value / 1000.0), 0, formatting.language())


_score = lru_cache(maxsize=65536)(formatting.format_score)


def format_score(score: float | None) -> str:
    """``formatting.format_score`` (0–1 → points 0–100, one decimal) in the current
    language, memoised."""
    return _score(score, formatting.language())


def currency_suffix(currency: str) -> str:
    """``formatting.currency_unit`` in the current language: "kr." (Danish) or "DKK"
    (English) for the Scandinavian krone, else the ISO code (GBP, EUR)."""
    return formatting.currency_unit(currency)


def money_unit(currency: str, scale: int) -> str:
    """The unit of budget tables: "1.000 kr." (scale 1000) or "mio. kr." (1,000,000);
    in English "1,000 DKK" / "DKK m"."""
    from app.services.i18n import _

    if scale == 1000:
        return formatting.thousands_unit(currency)
    return _("{currency} m").format(currency=currency_suffix(currency))


def money(value: float | None, scale: int) -> str:
    """An amount in kr. shown in the table unit: 1.000s without decimals, millions with
    one decimal; None → "–"."""
    if value is None:
        return "–"
    if scale == 1000:
        return format_thousands(value)
    return _number(round(value / scale, 1), 1, formatting.language())
