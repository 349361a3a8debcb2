"""The bubble chart's card prints the clicked initiative's score in points (0–100, one
decimal, ``formatting.format_score``), the scale of every table and output; the value
curve's recommended label stays inside a narrow plot."""

from __future__ import annotations

from app.services.formatting import format_score


def test_the_bubble_card_prints_the_score_in_points(chart_window):
    view = chart_window.show_view("bubble")
    panel = view.panel
    b = panel.chart.bubbles[0]
    panel._describe(b.id)
    assert f"score {format_score(b.score)}," in panel.info_label.text()


def test_a_recommended_label_too_long_for_one_line_is_wrapped_inside_the_plot(qtbot):
    """A slide's narrow value curve with a long (English) label: nowhere inside the plot
    on one line, so it breaks onto two lines rather than running off the plot."""
    from PySide6.QtWidgets import QApplication

    from app.services.charts.ranking import CurveInput, value_curve_chart
    from app.services.i18n import set_language
    from app.ui.charts.value_plots import ValueCurvePlot

    set_language("en")
    try:
        pts = [CurveInput(b * 1e6, s, ["x"] * n) for b, s, n in
               ((14, 6.2, 10), (20, 10.5, 15), (26, 12.3, 20), (32, 14.4, 24), (38, 15.9, 28))]
        chart = value_curve_chart(pts, budget=26.7e6, recommended=(26.2e6, 12.2, 26))
        plot = ValueCurvePlot(font_px=24.0)
        qtbot.addWidget(plot)
        plot.resize(460, 480)
        plot.show()
        qtbot.waitExposed(plot)
        plot.set_chart(chart)
        QApplication.processEvents()
        plot._place_label()
        vb = plot.getPlotItem().getViewBox()
        label = plot._label
        rect = label.mapRectToScene(label.boundingRect())
        assert label.toPlainText() == "Recommended: 26 initiatives"
        assert vb.sceneBoundingRect().contains(rect)
    finally:
        set_language("da")
