"""A hand-built analysis of the sample article for the reader's tests and snapshots.

The reader's tests are about the reader: they must not change when the
analysis engine gets better, and snapshots must not depend on a model. So the
spans here are found in the real sample text by string search (never typed as
numbers), and they describe what the contract says the analysis finds.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Actor, Analysis, DateMention, Entity, Span, Statement
from reader.paths import sample_article as sample_article_path
from reader.sources.article import Article

KURSK_PATH = sample_article_path()
NAMES = {"ushakov": "Yuri Ushakov", "zelensky": "Volodymyr Zelensky", "syrskyi": "Oleksandr Syrskyi"}


def span(text: str, needle: str, occurrence: int = 0, *, after: str | None = None) -> Span:
    """The ``occurrence``-th place ``needle`` appears (after ``after``, when given)."""
    start = text.index(after) if after else 0
    for _ in range(occurrence + 1):
        found = text.index(needle, start)
        start = found + 1
    return Span(found, found + len(needle), needle)


def all_spans(text: str, needle: str) -> list[Span]:
    found: list[Span] = []
    start = text.find(needle)
    while start != -1:
        found.append(Span(start, start + len(needle), needle))
        start = text.find(needle, start + 1)
    return found


def direct(text: str, opening: str, *, speaker: Span, cue: Span, actor: str) -> Statement:
    start = text.index("“" + opening)
    end = text.index("”", start) + 1
    inner = Span(start + 1, end - 1, text[start + 1 : end - 1])
    return Statement(start, end, text[start:end], "direct", [inner], NAMES[actor], speaker, cue, actor)


def reported(text: str, content: str, *, speaker: Span, cue: Span, actor: str) -> Statement:
    where = span(text, content, after=cue.text)
    return Statement(where.start, where.end, content, "reported", [where], NAMES[actor], speaker, cue, actor)


def sample_article() -> Article:
    # A relative source: the header shows it, and snapshots must not depend on the checkout's path.
    return Article(text=KURSK_PATH.read_text(encoding="utf-8"), source=f"sample_articles/{KURSK_PATH.name}",
                   title="Kremlin rules out talks as Ukraine presses on in Kursk", published="2024-08-19")


def sample_analysis(article: Article | None = None) -> Analysis:
    article = article or sample_article()
    text = article.text
    ushakov_name = span(text, "Yuri Ushakov")
    quotes = [
        reported(text, "the current situation is not conducive to diplomatic talks", speaker=ushakov_name,
                 cue=span(text, "emphasized"), actor="ushakov"),
        direct(text, "At this stage", speaker=span(text, "Ushakov", after="inappropriate"),
               cue=span(text, "stated"), actor="ushakov"),
        reported(text, "the operation is achieving its objectives", speaker=span(text, "Volodymyr Zelensky"),
                 cue=span(text, "confirmed"), actor="zelensky"),
        direct(text, "The operation is designed", speaker=span(text, "Zelensky", after="fair to Ukraine"),
               cue=span(text, "said", after="fair to Ukraine"), actor="zelensky"),
        direct(text, "We are seeing", speaker=span(text, "Syrskyi", after="in the area"),
               cue=span(text, "reported"), actor="syrskyi"),
    ]
    entities = [
        Entity(s.start, s.end, s.text, label, actor)
        for needle, label, actor in [
            ("Kremlin", "ORG", "kremlin"),
            ("Ukraine", "GPE", "ukraine"),
            ("Kursk", "GPE", "kursk"),
            ("Yuri Ushakov", "PERSON", "ushakov"),
            ("Volodymyr Zelensky", "PERSON", "zelensky"),
            ("Oleksandr Syrskyi", "PERSON", "syrskyi"),
            ("Moscow", "GPE", "kremlin"),
            ("Kyiv", "GPE", "ukraine"),
        ]
        for s in all_spans(text, needle)
    ]
    entities.sort(key=lambda entity: entity.start)
    dates = [
        DateMention(*_at(span(text, "August 6")), "2024-08-06", "day"),
        DateMention(*_at(span(text, "February 2022")), "2022-02", "month"),
        DateMention(*_at(span(text, "Monday")), "2024-08-12", "day"),
    ]
    dates.sort(key=lambda date: date.start)

    def mentions(*names: str) -> list[Span]:
        found = [s for name in names for s in all_spans(text, name)]
        # "Zelensky" inside "Volodymyr Zelensky" is one mention, not two.
        return sorted(
            (s for s in found if not any(o.start <= s.start and s.end <= o.end and o != s for o in found)),
            key=lambda s: s.start,
        )

    def statements(actor_id: str) -> list[int]:
        return [i for i, quote in enumerate(quotes) if quote.actor == actor_id]

    actors = [
        Actor("ushakov", "Yuri Ushakov", "person", ["Ushakov"], ["Kremlin adviser"], "Kremlin",
              mentions("Yuri Ushakov", "Ushakov"), statements("ushakov")),
        Actor("zelensky", "Volodymyr Zelensky", "person", ["Zelensky"], ["Ukrainian President"], None,
              mentions("Volodymyr Zelensky", "Zelensky"), statements("zelensky")),
        Actor("syrskyi", "Oleksandr Syrskyi", "person", ["Syrskyi"], ["senior commander"], None,
              mentions("Oleksandr Syrskyi", "Syrskyi"), statements("syrskyi")),
        Actor("kursk", "Kursk", "place", [], [], None, mentions("Kursk"), []),
        Actor("kremlin", "Kremlin", "organisation", ["Moscow"], [], None, mentions("Kremlin", "Moscow"), []),
    ]
    return Analysis(text=text, source=article.source, title=article.title, published=article.published,
                    entities=entities, statements=quotes, dates=dates, actors=actors, model="hand-built")


def _at(where: Span) -> tuple[int, int, str]:
    return where.start, where.end, where.text


def record_notifications(app) -> list[str]:  # type: ignore[no-untyped-def]
    """Collect what the app tells the user, on top of showing it."""
    seen: list[str] = []
    show = app.notify

    def notify(message: str, **kwargs: object) -> None:
        seen.append(message)
        show(message, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen


async def wait_until(pilot, condition, timeout: float = 10.0, what: str = "the reader") -> None:  # type: ignore[no-untyped-def]
    """Pause until ``condition()`` holds: a fixed pause is a race on a busy machine."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.05)


def palette_has_results(app) -> bool:  # type: ignore[no-untyped-def]
    """Whether the command palette is open and has listed matching commands."""
    from textual.command import CommandList, CommandPalette

    screen = app.screen
    return isinstance(screen, CommandPalette) and screen.query_one(CommandList).option_count > 0


#: A role long enough that Syrskyi's actors-panel row needs more than one line of the status line,
#: even at 120 columns.
LONG_ROLE = (
    "commander-in-chief of the Armed Forces of Ukraine, who briefed reporters in Kyiv on the "
    "progress of the operation"
)


def long_row_analysis() -> Analysis:
    """:func:`sample_analysis` with Syrskyi given :data:`LONG_ROLE`."""
    analysis = sample_analysis()
    actors = [
        replace(actor, roles=[LONG_ROLE]) if actor.id == "syrskyi" else actor for actor in analysis.actors
    ]
    return replace(analysis, actors=actors)
