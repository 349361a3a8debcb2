"""The bubble chart's card prints the clicked initiative's score in points (0–100, one
decimal, ``formatting.format_score``), the scale of every table and output."""

from __future__ import annotations

from app.services.formatting import format_score


def test_the_bubble_card_prints_the_score_in_points(chart_window):
    view = chart_window.show_view("bubble")
    panel = view.panel
    b = panel.chart.bubbles[0]
    panel._describe(b.id)
    assert f"score {format_score(b.score)}," in panel.info_label.text()
