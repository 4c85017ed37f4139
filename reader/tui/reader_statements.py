"""The reader's Statements tab, copying, opening the source and the jump history.

Keys: ``S`` (Statements tab), ``F`` (cycle its filter; ``]``/``[`` follow it), ``c``/``C`` (copy
the current statement with its attribution, plain or Markdown), ``o`` (open the source), ``ctrl+o``
/ ``ctrl+n`` (back / forward through the jump history), ``l``/``L`` (next / previous link of the
article) and ``O`` (open the link at the reading position: http, https and mailto only).
:class:`ReaderStatements` is a mixin of :class:`reader.tui.screens.reader.ReaderScreen` with their
actions, so the bindings (and their ids) stay on the screen while the code lives here. The rules
are pure functions in :mod:`reader.tui.navigation`, :mod:`reader.tui.citation` and
:mod:`reader.tui.open_source`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.widgets import TabbedContent

from reader.analysis.model import Link, Statement
from reader.tui import citation, navigation, open_source
from reader.tui.preview import one_line
from reader.tui.state import Jump, Notice
from reader.tui.widgets.statements_panel import StatementsPanel

if TYPE_CHECKING:
    from reader.tui.screens.reader import ReaderScreen

STATEMENTS_BINDINGS: list[BindingType] = [
    Binding("S", "show_statements", "Statements", id="statements.tab", show=False),
    Binding("F", "cycle_statement_filter", "Next statements filter", id="statements.filter", show=False),
    Binding("c", "copy_statement(False)", "Copy statement with attribution", id="statement.copy", show=False),
    Binding("C", "copy_statement(True)", "Copy statement as Markdown", id="statement.copy_markdown",
            show=False),
    Binding("o", "open_source", "Open the source", id="source.open", show=False),
    Binding("ctrl+o", "move_in_history(-1)", "Back to the previous position", id="history.back", show=False),
    Binding("ctrl+n", "move_in_history(1)", "Forward again", id="history.forward", show=False),
    Binding("l", "navigate_link(1)", "Next link", id="link.next", show=False),
    Binding("L", "navigate_link(-1)", "Previous link", id="link.previous", show=False),
    Binding("O", "open_link", "Open the link", id="link.open", show=False),
]
"""Spliced into the reading screen's ``BINDINGS`` so they appear in help, palette and keymap."""


class ReaderStatements:
    """Actions of the Statements tab, copying, opening the source and the jump history."""

    @property
    def _screen(self) -> ReaderScreen:
        return cast("ReaderScreen", self)

    @property
    def statements_panel(self) -> StatementsPanel:
        return self._screen.query_one("#statements", StatementsPanel)

    def statements_mounted(self) -> None:
        """On mount: the tab's first content, and the reading progress following the scroll."""
        screen = self._screen
        screen.watch(screen.article_view, "scroll_y", lambda _old, _new: screen.refresh_status(), init=False)
        self.refresh_statements()
        links = self.article_links
        openable = self.links_openable
        screen.decorations.set_links((link.start, link.end, ok)
                                     for link, ok in zip(links, openable, strict=True))
        screen.article_view.restyle()

    @property
    def article_links(self) -> list[Link]:
        """The article's links (the source's ``Article.links``, as the analysis carries them)."""
        cached: list[Link] | None = getattr(self, "_article_links", None)
        if cached is None:
            text = self._screen.article.text
            cached = [Link(link.start, link.end, text[link.start:link.end], link.href)
                      for link in self._screen.article.links if 0 <= link.start < link.end <= len(text)]
            cached.sort(key=lambda link: (link.start, link.end))
            self._article_links = cached
        return cached

    @property
    def links_openable(self) -> list[bool]:
        """For each of :attr:`article_links`: may ``O`` open it (:func:`open_source.safe_link`)?"""
        return [open_source.safe_link(link.href) is not None for link in self.article_links]

    def refresh_statements(self) -> None:
        """List the statements again (a new analysis, a new filter, a new theme)."""
        screen = self._screen
        self.statements_panel.show(screen.analysis, screen.state.statement_filter, screen.style_lookup)

    def reading_progress_text(self) -> str:
        """``42%``: how far through the article the pane is (the status line shows it)."""
        view = self._screen.article_view
        return f"{navigation.reading_progress(view.scroll_y, view.max_scroll_y)}%"

    # -- the Statements tab -----------------------------------------------------------------------

    def action_show_statements(self) -> None:
        """``S``: show the side panel on the Statements tab, the cursor in its list."""
        screen = self._screen
        if screen.has_class("-narrow"):
            screen.add_class("-panel-overlay")
        screen.remove_class("-panel-hidden")
        screen.query_one("#side-panel", TabbedContent).active = "statements-tab"
        panel = self.statements_panel
        current = screen.state.current_quote
        if current is not None and screen.analysis is not None and current in screen.analysis.statements:
            panel.select(screen.analysis.statements.index(current))
        if panel.option_list.highlighted is None and panel.option_list.option_count:
            panel.option_list.highlighted = 0
        panel.option_list.focus()

    def action_cycle_statement_filter(self) -> None:
        """``F``: the next filter (all, low confidence, direct, reported, each frame, each actor)."""
        screen = self._screen
        if (analysis := screen._need_analysis()) is not None:
            screen.apply(navigation.cycle_filter(screen.state, analysis))

    def statements_filter_changed(self) -> None:
        self.refresh_statements()

    def on_statements_panel_chosen(self, event: StatementsPanel.Chosen) -> None:
        self.show_statement_index(event.index)

    def show_statement_index(self, index: int) -> None:
        """Go to ``analysis.statements[index]`` in the text (the list keeps focus)."""
        screen = self._screen
        if screen.analysis is not None:
            screen.apply(navigation.show_listed_statement(screen.state, screen.analysis, index))

    def go_to_content(self, kind: str, index: int) -> None:
        """A command palette hit (:mod:`reader.tui.content_search`): an actor, statement or date."""
        screen = self._screen
        analysis = screen.analysis
        if analysis is None:
            return
        if kind == "actor" and 0 <= index < len(analysis.actors):
            screen.apply(navigation.show_actor(screen.state, analysis, analysis.actors[index].id))
        elif kind == "statement":
            screen.apply(navigation.show_listed_statement(screen.state, analysis, index))
        elif kind == "date":
            screen.apply(navigation.show_date(screen.state, analysis, index))
        screen.article_view.focus()

    # -- copying ----------------------------------------------------------------------------------

    def _statement_to_copy(self) -> Statement | None:
        """The statement under the Statements tab's cursor while its list has focus, else the
        current one (``]``, ``[``, ``}``, ``{``, the panels, the palette)."""
        screen = self._screen
        analysis = screen.analysis
        if analysis is None:
            return None
        option_list = self.statements_panel.option_list
        if option_list.has_focus and option_list.highlighted_option is not None:
            option_id = option_list.highlighted_option.id or ""
            if option_id.startswith("s") and option_id[1:].isdigit():
                return analysis.statements[int(option_id[1:])]
        return screen.state.current_quote

    def action_copy_statement(self, markdown: bool) -> None:
        """``c``: the statement as ``“…” — Name, role (Outlet, date)``; ``C``: as Markdown with a link
        back. Sent to the terminal's clipboard (OSC 52)."""
        screen = self._screen
        if (analysis := screen._need_analysis()) is None:
            return
        statement = self._statement_to_copy()
        if statement is None:
            screen.apply(Jump(screen.state, notice=Notice(
                "Go to a statement first (] or the Statements tab, S), then copy it", "warning")))
            return
        text = (citation.markdown_citation if markdown else citation.plain_citation)(statement, analysis)
        screen.app.copy_to_clipboard(text)
        what = "as Markdown " if markdown else ""
        location = f"Copied {what}to the clipboard (OSC 52): {one_line(text, 50)}"
        # Said once, in the status line (a toast repeating it doubled the notice there).
        screen.apply(Jump(replace(screen.state, location=location)))

    # -- opening the source -----------------------------------------------------------------------

    def _reading_offset(self) -> int:
        screen = self._screen
        offset = screen.state.jump_offset
        if offset is not None and screen.article_view.is_visible(offset):
            return offset
        return screen.article_view.top_offset

    def action_open_source(self) -> None:
        """``o``: a web article in the browser, a file in ``$VISUAL``/``$EDITOR`` at the paragraph's line."""
        screen = self._screen
        article = screen.article
        file_text = open_source.read_source_text(article) if article.source not in ("", "-") \
            and "://" not in article.source else None
        target = open_source.source_target(article, self._reading_offset(), file_text)
        if target is None:
            screen.notify("This article came from standard input: there is no source to open",
                          severity="warning")
            return
        if target.kind == "url":
            self._open_url(target.where, "the article")
            return
        command = open_source.editor_command()
        if command is None:
            screen.notify("Set $VISUAL or $EDITOR to open the source file in an editor", severity="warning")
            return
        argv = open_source.editor_argv(command, target)
        try:
            with screen.app.suspend():
                status = open_source.run_editor(argv)
        except SuspendNotSupported:
            screen.notify("This terminal cannot hand over to an editor", severity="warning")
            return
        except OSError as error:
            screen.notify(f"Cannot start the editor {command[0]}: {error.strerror or error}",
                          severity="error")
            return
        screen.refresh()
        where = f" at line {target.line}" if target.line is not None else ""
        outcome = "" if status == 0 else f" (the editor exited with status {status})"
        screen.notify(f"Opened {target.where}{where}{outcome}", timeout=3)

    def _open_url(self, url: str, what: str) -> None:
        screen = self._screen
        try:
            opened = open_source.open_in_browser(url)
        except Exception as error:  # webbrowser can raise anything its browser raises
            screen.notify(f"Cannot open a browser: {error}", severity="error")
            return
        if opened:
            screen.notify(f"Opened {what} in the browser: {url}", timeout=3)
        else:
            screen.notify(f"No browser could be started for {url}", severity="warning")

    # -- jump history -----------------------------------------------------------------------------

    def action_move_in_history(self, delta: int) -> None:
        """``ctrl+o`` (-1) / ``ctrl+n`` (1): the reading position before the last jump, and back."""
        screen = self._screen
        move = navigation.move_in_history(screen.state, delta, screen.article_view.top_offset)
        screen.state = move.state
        if move.top is not None:
            screen.article_view.restore_offset(move.top)
        if move.notice is not None:
            screen.notify(move.notice.text, severity=move.notice.severity, timeout=move.notice.timeout)

    # -- links ------------------------------------------------------------------------------------

    def action_navigate_link(self, delta: int) -> None:
        """``l`` (1) / ``L`` (-1): the next or previous link of the article."""
        screen = self._screen
        screen.apply(navigation.navigate_link(screen.state, self.article_links, self.links_openable, delta,
                                              screen.article_view.top_offset))

    def action_open_link(self) -> None:
        """``O``: open the link at the reading position in the browser, when it is http, https or mailto."""
        screen = self._screen
        links = self.article_links
        if not links:
            screen.notify("This article has no links", severity="warning")
            return
        view = screen.article_view
        index = navigation.link_to_open(screen.state, links, [view.is_visible(link.start) for link in links])
        if index is None:
            screen.notify("No link on screen (l goes to the next one)", severity="warning")
            return
        link = links[index]
        href = open_source.safe_link(link.href)
        if href is None:
            screen.notify(f"Not opened: {navigation.describe_link(link, False)}", severity="warning")
            return
        self._open_url(href, f"the link “{one_line(link.text, 40)}”")
