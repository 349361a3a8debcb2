"""``CriterionInfo``: a leaf criterion as the engine and the weights see it.

Apart from ``app.services.scoring`` (which re-exports it) so that reading the criteria
tree (``app.services.weights``, the portfolio table's completeness) does not import numpy:
the main window's start-up needs the criteria but no score matrix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CriterionInfo:
    """A leaf criterion of the model (a column of the score matrix).

    ``weight`` is the leaf weight as a fraction of the whole (0..1; the leaf weights sum to
    1): the product of the percentages along the criteria tree, each level normalised.
    ``path`` lists the names from the top level down to this criterion.
    """

    id: int
    key: str
    name: str
    kind: str
    weight: float
    lower_is_better: bool = False
    anchor_low: float | None = None
    anchor_high: float | None = None
    unit_label: str = ""
    parent_key: str | None = None
    path: tuple[str, ...] = ()
