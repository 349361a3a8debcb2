"""Chart descriptions: computed once here, drawn twice (pyqtgraph on screen, reportlab in the PDF).

A description is a tree of frozen dataclasses holding everything a drawer needs —
positions, lanes, labels, resolved colours ("#RRGGBB"), marker shapes, fill patterns,
line styles, axis ticks with their printed labels, legend entries, notes — and nothing
that needs a database, Qt or reportlab. Texts are already in the current language
(``app.services.i18n``); numbers are formatted by ``app.services.formatting``. The field
names are a contract with the PDF (OUTPUTS): fields may be added, never renamed.

Get one with ``sources.chart(session, key, **options)`` (keys: dependencies, matrix,
roadmap, bubble, balance, maturity, followup, ranking, value_curve), or call a builder
with plain data (each module's function, e.g. ``bubble.bubble_chart(items, units)``).

Conventions
-----------
* Two kinds of y: *row charts* (dependency swimlanes, roadmap, heatmap, stacked bars)
  count rows from the top — row 0 is the first lane/bar/cell, a node sits at
  ``row + 0.5`` — so a drawer flips y (pyqtgraph ``invertY``; reportlab ``top - y·h``).
  *Value charts* (bubble, value curve, follow-up) have y growing upward as on paper.
* x is a value axis: kr. (or the portfolio's currency), a score 0..1, a topological step,
  or a calendar day number (``date.toordinal()``; ``date.fromordinal`` turns it back).
  ``Axis(title, lo, hi, ticks)`` gives the range to show and ``Tick(value, label)``s.
  The bubble chart's x is log10(kr.) when ``x_log`` is True; its ticks still print kr.
* Colours: one per forvaltning everywhere (``palette.unit_styles``: Okabe–Ito colour +
  a marker shape + code + name, stable by the units' sort order); vermillion
  ``palette.FLAG`` flags problems (cycles, roadmap conflicts) and is always dashed and
  explained in ``notes``; criteria take Paul Tol's muted colours. Colour is never alone:
  markers carry a shape, segments a pattern and a printed value, lanes a name.
* Shapes (``model.SHAPES``): circle, square, triangle, diamond, triangle_down,
  pentagon, hexagon, star. Patterns (``model.PATTERNS``): solid, hatch, dots, cross.
  Lines: solid, dashed, dotted.
* ``what_if`` True on a description means it shows a what-if scenario: a drawer prints
  "what-if" with the title.
* Label placement (bubble chart) was checked free of overlaps at the description's
  ``nominal_plot`` size (px) with ``font_px`` type; a drawer that keeps that ratio of text
  to plot keeps the labels apart. ``label_position`` names where the label goes relative
  to its marker (``labels.POSITIONS``) or is None (no label: too crowded).

The descriptions
----------------
* ``dependency_chart.DependencyChart`` (a): ``lanes`` (Lane: unit_id, label, colour,
  shape, y0, y1, code, members), ``nodes`` (Node: id, label, title, x, y, lane, colour, shape, flags ⊆
  {selected, upstream, downstream, cycle, conflict, critical, mandatory}, dimmed),
  ``edges`` (ChartEdge: prerequisite → dependant, x0, y0, x1, y1, colour, width, line,
  cross_unit, cycle, conflict, highlighted), ``x_axis``, ``legend``, ``notes`` (cycles and
  conflicts in words), ``labels_by_default`` (False above 200 nodes: label when zoomed),
  ``height`` (rows).
* ``heatmap.HeatmapChart`` (b): ``rows``/``cols`` (HeatLabel: code, name, colour, shape),
  ``cells`` (HeatCell: row, col, count, fill, text_colour, diagonal), row = dependant.
* ``roadmap.RoadmapChart`` (c): ``lanes``, ``bars`` (GanttBar: id, label, title, x0, x1,
  y, lane, colour, shape, milestone, conflict, mandatory), ``arrows`` (Arrow: from the
  prerequisite's end to the dependant's start, colour, line, conflict), ``bands`` (budget
  year + overslagsår), ``rules`` (1 January; today), ``undated``, ``label_days`` (days
  per label character of the packing). ``roadmap.group_lanes`` (slides) puts the
  smaller forvaltninger into one lane "Other units" (Lane.members = their ids, bars
  ``palette.OTHER``); ``roadmap.pad_lanes`` + ``lanes.min_lane_rows`` make thin lanes tall
  enough for their names.
* ``bubble.BubbleChart`` (d): ``bubbles`` (Bubble: id, label, title, x, y, radius px at
  the nominal size, colour, shape, hollow = negative NNV, cost, score, npv,
  label_position, mandatory), ``x_axis``, ``y_axis``, ``x_log``, ``quadrant_lines`` (Rule),
  ``quadrant_labels`` (TextMark at the plot's corners), ``size_note``.
* ``model.ChartSet`` of ``model.StackedBarChart`` (e, balance: four panels); a
  ``StackedBarChart`` (f, maturity; h, ranking): ``series`` (Series: name, colour,
  pattern), ``bars`` (Bar: row, label, segments (Segment: series, start, value, text),
  total_text, marker_colour, marker_shape, key), ``value_axis``, ``legend``, ``notes``.
* ``followup.FollowupChart`` (g): ``band`` (polygon of the pessimistic–optimistic fan),
  ``likely`` (polyline), ``baseline`` and ``measurements`` (PointMark: x, y, label),
  ``rules`` (target date), ``status``/``status_text``.
* ``ranking.ValueCurveChart`` (i): ``points`` (CurveMark: x budget kr., y total score,
  count, label), ``rules`` (the budget frame), ``recommended`` (CurveMark or None).
"""
