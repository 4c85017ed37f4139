"""``BylineApp``: the Textual application around the reading screen.

The app owns what outlives one screen: the theme (a :class:`ReaderTheme` whose
``textual_theme`` drives the .tcss variables and whose styles draw the article
highlights), the user's keymap from the config file, the help screen and the
command palette. Everything about reading lives in
:class:`reader.tui.screens.reader.ReaderScreen`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.filter import LineFilter
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen

from reader.analysis.model import Analysis
from reader.config import Config, load_config, save_config
from reader.safe_text import terminal_safe
from reader.sources.article import Article
from reader.themes import DEFAULT_THEME, ReaderTheme, list_themes, load_theme_or_default
from reader.theming.contrast import rgb
from reader.tui.inert_filter import InertTextFilter
from reader.tui.screens.library import LibraryScreen, LibraryTable
from reader.tui.screens.reader import ReaderScreen
from reader.tui.widgets.actors_panel import ActorsPanel
from reader.tui.widgets.notes_panel import NotesList


class WorkersNotAwaited(ThreadPoolExecutor):
    """A thread pool whose shutdown cancels queued work and does not wait for running work."""

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=False, cancel_futures=True)


class BylineApp(App[None]):
    """Reads one article: ``BylineApp(article, analysis=None, theme=None, model=None)``.

    ``BylineApp(None, library=paths, folder=DIR)`` opens the library of a folder
    instead; its articles open in readers pushed over it.
    """

    CSS_PATH = "styles/reader.tcss"
    TITLE = "Byline"
    #: Seconds a toast stays (Textual's default is 5): a warning is short and should not linger.
    NOTIFICATION_TIMEOUT = 3
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?"),
        Binding("T", "cycle_theme", "Next theme", id="app.theme.next", show=False),
        # Declared here (Textual would add it without an id) so that help lists it and a keymap can move it.
        Binding("ctrl+p", "command_palette", "Palette", id="app.command_palette", show=False, priority=True,
                tooltip="Open the command palette: every action, and Change theme"),
    ]

    def __init__(
        self,
        article: Article | None,
        *,
        analysis: Analysis | None = None,
        theme: str | None = None,
        model: str | None = None,
        library: Sequence[Path] | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.config: Config = load_config()
        self._startup_problems: list[str] = []
        if self.config.problem:
            self._startup_problems.append(f"Config ignored: {self.config.problem}")
        self._startup_problems += self.config.warnings  # single values ignored, one line each
        self.reader_theme = self._load_theme(theme or self.config.theme)
        self.register_theme(self.reader_theme.textual_theme)
        self.theme = self.reader_theme.textual_theme.name
        self.model = model or self.config.model
        self._library = list(library or [])
        self._folder = folder or Path()
        self._reader_screen: ReaderScreen | None = None
        if article is not None:
            self._reader_screen = ReaderScreen(
                article, analysis=analysis, model=self.model, style_lookup=self.style_for
            )

    # -- what reaches the terminal -------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification (from any screen or widget) as inert plain text, never markup.

        Messages carry search terms, file, theme and actor names: ``[/x]`` in one must show as
        ``[/x]``, not crash the markup parser, and an ESC must not reach the terminal. ``markup`` is
        accepted for Textual's signature and ignored.

        In the reader an information notice (a wrap, a layer shown, the theme) goes to the status
        line (:func:`reader.tui.toasts.route_notice`) instead of a toast over the text; warnings and
        errors are toasts, at most :data:`~reader.tui.toasts.MAX_TOASTS` at a time.
        """
        from reader.tui.toasts import route_notice

        if route_notice(self.screen_stack, str(message), severity):
            return
        super().notify(
            terminal_safe(str(message)),
            title=terminal_safe(str(title)),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _on_notify(self, event: Notify) -> None:
        """A toast arrives: show it, taking away the oldest beyond :data:`reader.tui.toasts.MAX_TOASTS`."""
        from reader.tui.toasts import keep_latest_toasts

        super()._on_notify(event)
        keep_latest_toasts(self)

    _inert_filter = InertTextFilter()

    # -- quitting never loses a note ----------------------------------------------------------------

    QUIT_CONFIRM_SECONDS = 8.0
    _quit_asked_at: float | None = None

    def unsaved_work(self) -> str | None:
        """What quitting now would lose, in words, or ``None``: an open note editor with text that is
        not stored, or highlights and notes whose last save failed (a full disk)."""
        from reader.tui.widgets.note_editor import NoteEditor

        for screen in self.screen_stack:
            if isinstance(screen, NoteEditor) and screen.is_mounted and screen.unsaved:
                return "the note being written is not saved"
            notes = getattr(screen, "notes", None)
            if notes is not None and getattr(notes, "unsaved", False):
                return "some highlights or notes could not be saved"
        return None

    async def action_quit(self) -> None:
        """Quit; with unsaved notes, only when asked twice (the first press says what would be lost)."""
        import time

        lost = self.unsaved_work()
        now = time.monotonic()
        asked = self._quit_asked_at is not None and now - self._quit_asked_at < self.QUIT_CONFIRM_SECONDS
        if lost and not asked:
            self._quit_asked_at = now
            self.notify(f"Not quitting: {lost}. Quit again to quit anyway.", severity="warning",
                        timeout=self.QUIT_CONFIRM_SECONDS)
            return
        self.exit()

    def get_line_filters(self) -> list[LineFilter]:
        """Textual's filters plus :class:`InertTextFilter`, applied to every line every widget draws."""
        return [*super().get_line_filters(), self._inert_filter]

    def _load_theme(self, name: str | None) -> ReaderTheme:
        """The named theme; a broken or unknown one is reported and ``default`` used instead."""
        reader_theme, problem = load_theme_or_default(name)
        if problem:
            self._startup_problems.append(f"{problem} (using {DEFAULT_THEME})")
        return reader_theme

    def style_for(self, key: str) -> Style:
        """The current theme's Rich style for a highlight key (``entity.GPE``, ``quote.current``...)."""
        return self.reader_theme.style(key)

    @property
    def reader(self) -> ReaderScreen:
        """The reader on screen (in the library: the one opened last)."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        if self._reader_screen is None:
            raise LookupError("no article is open")
        return self._reader_screen

    def get_default_screen(self) -> Screen[None]:
        if self._reader_screen is None:
            return LibraryScreen(self._library, folder=self._folder, model=self.model,
                                 style_lookup=self.style_for)
        return self._reader_screen

    def on_load(self) -> None:
        """Thread workers (the analysis) run in an executor that quitting does not wait for.

        asyncio's default executor is joined when the app's loop closes, so ``q`` would wait for a
        long analysis to reach its next progress callback; the analysis is only a computation, and
        every note is on disk before its key press returns.
        """
        asyncio.get_running_loop().set_default_executor(WorkersNotAwaited(thread_name_prefix="byline-worker"))

    def on_mount(self) -> None:
        self._apply_keymap()
        for problem in self._startup_problems:
            self.notify(problem, severity="error", timeout=10)

    def _apply_keymap(self) -> None:
        keymap = self.config.keymap
        if not keymap:
            return
        known = {
            binding.id
            for bindings in (ReaderScreen.BINDINGS, LibraryScreen.BINDINGS, LibraryTable.BINDINGS,
                             BylineApp.BINDINGS, ActorsPanel.BINDINGS, NotesList.BINDINGS)
            for binding in bindings
            if isinstance(binding, Binding) and binding.id
        }
        unknown = sorted(set(keymap) - known)
        if unknown:
            self.notify(
                f"keymap: unknown binding id(s) {', '.join(unknown)} (see ? for the ids)", severity="warning"
            )
        self.set_keymap({key: value for key, value in keymap.items() if key in known})

    # -- help and command palette -----------------------------------------------------------------

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen, help_rows  # imported only when asked for

        if isinstance(self.screen, HelpScreen):
            return
        legend = None
        if isinstance(self.screen, ReaderScreen):
            from reader.tui.widgets.legend import legend_text

            view = self.screen.article_view
            ground = view.rich_style.bgcolor
            legend = legend_text(self.style_for, ground=rgb(ground) if ground else (0.0, 0.0, 0.0),
                                 monochrome=view.monochrome, system=view.colour_system)
        self.push_screen(HelpScreen(help_rows(self.screen), legend))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every reader action with a description, plus "Change theme" (Textual's own list is replaced,
        since its themes have no article styles)."""
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command
        yield SystemCommand("Change theme", "Pick one of Byline's themes", self.action_change_theme)
        from reader.tui.screens.help import help_rows

        reader = screen if isinstance(screen, ReaderScreen) else self._reader_screen
        if reader is None:
            return
        for row in help_rows(reader):
            if row.section != "Reader":
                continue
            binding = next(
                (b for b in reader.BINDINGS if isinstance(b, Binding) and b.id == row.binding_id), None
            )
            if binding is None or binding.action.startswith("app."):
                continue
            yield SystemCommand(row.description, f"{row.keys} · {row.binding_id}",
                                partial(reader.run_action, binding.action))

    # -- themes -----------------------------------------------------------------------------------

    def action_change_theme(self) -> None:
        commands = [
            (f"{info.name}{' (dark)' if info.dark else ' (light)'}", partial(self.apply_theme, info.name))
            for info in list_themes()
            if info.error is None
        ]
        self.search_commands(commands, placeholder="Search for a theme…")

    def action_cycle_theme(self) -> None:
        names = [info.name for info in list_themes() if info.error is None]
        if not names:
            return
        current = names.index(self.reader_theme.name) if self.reader_theme.name in names else -1
        self.apply_theme(names[(current + 1) % len(names)])

    def apply_theme(self, name: str) -> None:
        """Switch to a theme, restyle everything and remember the choice in the config file."""
        reader_theme, problem = load_theme_or_default(name)
        if problem:
            self.notify(f"{problem} (using {DEFAULT_THEME})", severity="error", timeout=10)
        self.reader_theme = reader_theme
        self.register_theme(reader_theme.textual_theme)
        self.theme = reader_theme.textual_theme.name
        for screen in self.screen_stack:
            if isinstance(screen, ReaderScreen | LibraryScreen):
                screen.restyle(self.style_for)
        self.notify(f"Theme: {reader_theme.name}", timeout=2)
        self._remember_theme(reader_theme.name)

    def _remember_theme(self, name: str) -> None:
        config = load_config()
        if config.problem:
            # Never overwrite a config file we could not read: the user would lose it.
            self.notify(f"Theme not saved: {config.problem}", severity="warning")
            return
        config.theme = name
        try:
            save_config(config)
        except OSError as error:
            self.notify(f"Theme not saved: {error}", severity="warning")
