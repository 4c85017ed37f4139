"""A reader's corrections of the analysis: the model, and applying them on top of any analysis.

* :mod:`reader.corrections.model`: :class:`Correction` and its :class:`Anchor` (no dependencies);
* :mod:`reader.corrections.apply`: :func:`apply_corrections`, a pure function;
* :mod:`reader.corrections.stored`: the corrections stored for an article, read-only (for
  ``byline analyze``); the reader keeps them in the notes store (:mod:`reader.notes.store`).
"""

from reader.corrections.apply import CorrectionReport, apply_corrections
from reader.corrections.model import Anchor, Correction, canonical

__all__ = ["Anchor", "Correction", "CorrectionReport", "apply_corrections", "canonical"]
