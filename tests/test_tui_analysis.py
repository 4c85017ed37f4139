"""The reader on the sample article with the real analysis, run by the reader's own worker.

The ``nlp`` fixture loads the model once per session; ``analyze`` then finds it
already loaded, so this test pays for the analysis, not for spaCy's start-up.
"""

from __future__ import annotations

from reader.paths import sample_article
from reader.sources import load_article
from reader.tui.app import BylineApp


async def test_real_analysis_in_the_worker_then_quote_navigation(nlp) -> None:
    app = BylineApp(load_article(sample_article()))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.reader
        assert reader.analysis is not None
        for _ in range(3):
            await pilot.press("right_square_bracket")
        assert reader.status_line.location.startswith("Quote 3/3 · Oleksandr Syrskyi")
        assert reader.status_line.location.endswith("· reported")
        await pilot.press("left_square_bracket")
        assert reader.status_line.location.startswith("Quote 2/3 · Volodymyr Zelensky")
        assert reader.status_line.location.endswith("· said")

        ushakov = next(actor for actor in reader.analysis.actors if actor.name == "Yuri Ushakov")
        await pilot.press("a")
        assert reader.actors_panel.select_actor(ushakov.id)
        await pilot.press("enter", "escape")
        cues = []
        for _ in range(len(ushakov.statements)):
            await pilot.press("right_curly_bracket")
            cues.extend(reader.status_line.location.split(" · "))  # a speech cue stands for "says"
        assert "stated" in cues and "emphasized" in cues and "says" not in cues
