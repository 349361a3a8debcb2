"""Presentation mode: F5 enters full screen and Esc leaves; slides step with the clicker's
keys; a what-if is labelled on every slide and logged; a decision recorded in the meeting
is in the portfolio (and its log) after reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import AuditEntry, Decision
from app.services.formatting import format_number
from app.services.store import open_portfolio
from app.ui.presentation import PresentationWindow
from app.ui.presentation.deck import PresentationDeck


def _presentations():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PresentationWindow) and w.isVisible()]


def test_f5_enters_full_screen_and_esc_leaves(chart_window, qtbot):
    assert chart_window.action_present.shortcut().toString() == "F5"
    chart_window.action_present.trigger()
    qtbot.waitUntil(lambda: len(_presentations()) == 1)
    window = _presentations()[0]
    assert window.isFullScreen()
    assert window.deck.body_px >= 24
    assert window.menuWidget() if hasattr(window, "menuWidget") else True
    qtbot.keyClick(window.deck, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not _presentations())


def test_clicker_keys_step_through_the_slides(chart_window, qtbot):
    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    assert deck.current() == 0 and deck.counter.text() == f"1/{len(deck.slides)}"
    qtbot.keyClick(deck, Qt.Key.Key_PageDown)
    qtbot.keyClick(deck, Qt.Key.Key_Right)
    assert deck.current() == 2
    qtbot.keyClick(deck, Qt.Key.Key_PageUp)
    assert deck.current() == 1
    qtbot.keyClick(deck, Qt.Key.Key_End)
    assert deck.current() == len(deck.slides) - 1
    # the clicker's keys work while the decisions list has the focus; arrows stay with the list
    slide = deck.slides[-1]
    slide.list.setFocus()
    qtbot.keyClick(slide.list, Qt.Key.Key_Down)
    assert deck.current() == len(deck.slides) - 1
    qtbot.keyClick(slide.list, Qt.Key.Key_PageUp)
    assert deck.current() == len(deck.slides) - 2
    titles = {s.title() for s in deck.slides}
    assert len(titles) == 8


def test_a_what_if_is_labelled_on_every_slide_and_logged(chart_window, qtbot,
                                                         chart_portfolio_path):
    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    deck.show()
    assert not deck.badge.isVisible()
    rank_before = [b.key for b in deck.data.ranking.bars]
    assert deck.apply_what_if({"strategic_fit": 60.0}, None)
    for i in range(len(deck.slides)):
        deck.go(i)
        assert deck.badge.isVisible()
        assert "what-if" in deck.badge.text().lower()
    assert deck.data.is_what_if and deck.data.ranking.what_if and deck.data.bubble.what_if
    assert chart_window.context.scenario().is_what_if  # the main window shows it too
    assert [b.key for b in deck.data.ranking.bars] != rank_before  # it follows at once
    with chart_window.portfolio.read() as s:
        logged = s.scalars(select(AuditEntry).where(
            AuditEntry.field == "what-if shown in presentation")).all()
    assert len(logged) == 1 and "strategic_fit=60" in logged[0].new_value
    deck.leave_what_if()
    assert not deck.badge.isVisible() and not chart_window.context.scenario().is_what_if


def test_a_what_if_from_the_bar_with_another_budget(chart_window, qtbot):
    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    qtbot.keyClick(deck, Qt.Key.Key_W)
    assert not deck.whatif_bar.isHidden()
    deck.whatif_bar.budget.setText(format_number(25.5, 1))  # in the UI's notation
    deck.whatif_bar.show_button.click()
    assert deck.is_what_if(), deck.whatif_bar.message.text()
    assert any("25" in f.value for f in deck.data.key_figures)


def test_a_decision_recorded_in_the_meeting_is_kept_after_reopening(
        chart_window, qtbot, chart_portfolio_path):
    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    deck.go(len(deck.slides) - 1)
    slide = deck.slides[-1]
    recommended = {r.id for r in deck.data.recommended}
    target = next(i for i, _t in deck.data.candidates if i in recommended)
    slide.select_initiative(target)
    slide.buttons["postponed"].click()
    slide.record_button.click()  # departs from the recommendation without a reason: refused
    assert "reason" in slide.message.text().lower() or "begrund" in slide.message.text().lower()
    slide.reason.setText("Afventer KL's udmelding")
    slide.record_button.click()
    assert target in slide.message.text()
    chart_window.set_portfolio(None)
    with open_portfolio(chart_portfolio_path, readonly=True) as pf, pf.read() as s:
        decision = s.scalars(select(Decision)).one()
        assert (decision.initiative_id, decision.outcome) == (target, "postponed")
        assert decision.reason == "Afventer KL's udmelding" and decision.departs_from_recommendation
        assert decision.forum == "steering_group" and decision.recorded_at is not None
        log = s.scalars(select(AuditEntry).where(AuditEntry.entity == "decision")).all()
        assert log and log[0].initiative_id == target


def test_presentation_view_renders_alone_at_screen_size(chart_window):
    from app.ui.views import registry

    spec = registry.get("presentation")
    assert getattr(spec, "chrome", True) is False


def test_budget_slide_indents_what_the_frames_do_not_hold(chart_window, qtbot):
    """The budget slide's 'of which outside the frame' rows are indented and smaller, and
    the caption names the initiatives financed outside the frame."""
    from dataclasses import replace

    from PySide6.QtWidgets import QLabel

    from app.ui.presentation.slides import BudgetSlide

    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    assert deck.data is not None
    data = replace(deck.data, budget_years=[2027, 2028],
                   budget_rows=[("Capital (anlæg)", [1000.0, 0.0], 1000.0),
                                ("of which outside the frame", [300.0, 0.0], 300.0),
                                ("Net", [1000.0, 0.0], 1000.0)],
                   of_which_rows=[1], outside_frame_ids=["EK-020", "EK-021"])
    slide = BudgetSlide(deck.body_px)
    qtbot.addWidget(slide)
    slide.show_meeting(data)
    assert "(EK-020, EK-021)" in slide.caption.text()
    names = {slide.grid.itemAtPosition(r, 0).widget().text():
             slide.grid.itemAtPosition(r, 0).widget() for r in (1, 2)}
    top, part = names["Capital (anlæg)"], names["of which outside the frame"]
    assert isinstance(part, QLabel) and part.indent() > 0 and top.indent() <= 0
    assert part.font().pixelSize() < top.font().pixelSize()
    plain = replace(data, of_which_rows=[], outside_frame_ids=[])
    slide.show_meeting(plain)
    assert "EK-020" not in slide.caption.text()


def test_budget_slide_names_the_prices_the_budget_view_names(chart_window, qtbot):
    """Slide 5 said "fixed prices" for a source that states no price level: its caption
    names the prices as the budget view and the bilag do (``MeetingData.prices``), and
    says nothing of prices when there is no recommendation to show."""
    from dataclasses import replace

    from app.services import economics
    from app.ui.presentation.slides import BudgetSlide

    deck = PresentationDeck(chart_window.context)
    qtbot.addWidget(deck)
    assert deck.data is not None and deck.data.recommended
    with chart_window.context.portfolio.read() as s:
        want = economics.price_basis(s, [r.id for r in deck.data.recommended]).phrase()
    assert deck.data.prices == want
    slide = BudgetSlide(deck.body_px)
    qtbot.addWidget(slide)
    unstated = replace(deck.data, prices="the source's prices (it states no price base)")
    slide.show_meeting(unstated)
    assert "the source's prices (it states no price base)" in slide.caption.text()
    assert "fixed" not in slide.caption.text()
    slide.show_meeting(replace(deck.data, budget_rows=[], prices=""))
    assert slide.caption.text() == ""


def test_budget_slide_without_a_recommendation_shows_all_as_the_budget_view(
        chart_portfolio_path, qtbot):
    """A scenario with no budget frame: slide 5 showed only "no budget frame"; it shows the
    budget of every initiative not rejected or closed (as the budget view), saying so. An
    infeasible scenario's refusal (every must-have id) is shortened, whole in the tooltip."""
    from dataclasses import replace

    from app.models.enums import EXCLUDED_PHASES
    from app.services.presentation import load_meeting
    from app.services.scenarios import get_scenario, set_frames
    from app.services.snapshots import load_initiatives
    from app.ui.presentation.slides import NOTE_CHARS, BudgetSlide

    with open_portfolio(chart_portfolio_path) as pf:
        with pf.session() as s:
            set_frames(s, get_scenario(s, None).id, [])
        with pf.read() as s:
            data = load_meeting(s)
            excluded = {p.value for p in EXCLUDED_PHASES}
            n = sum(1 for r in load_initiatives(s) if r.phase not in excluded)
    assert not data.recommended and n > 0
    assert data.budget_of_all == n and data.budget_rows and data.prices
    slide = BudgetSlide(32.0)
    qtbot.addWidget(slide)
    slide.show_meeting(data)
    caption = slide.caption.text()
    assert data.selection_note in caption and f"all {n} initiatives" in caption
    assert slide.grid.itemAtPosition(0, 1).widget().text() == str(data.budget_years[0])
    refusal = "The initiatives that must be in (" + ", ".join(
        f"EK-{i:03d} (A title of some length)" for i in range(60)) + ") cost 9 mio. kr. more " \
        "than the frame of 1 kr."
    slide.show_meeting(replace(data, selection_note=refusal))
    shown = slide.caption.text()
    assert "EK-000" in shown and "than the frame of 1 kr." in shown and "EK-030" not in shown
    assert len(shown) < NOTE_CHARS + 200 and slide.caption.toolTip() == refusal
