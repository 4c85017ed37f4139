"""The ``byline`` command line.

``byline [FILE]`` opens the reader; ``byline analyze|export|themes ...`` run
headless. Each subcommand lives in its own module under ``reader.commands``
with ``add_arguments(parser)`` and ``run(args) -> int``, imported only when
used so that ``byline --help`` stays fast. Every :class:`BylineError` becomes
one line on stderr and a non-zero exit: a user never sees a traceback for bad
input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from reader import __version__
from reader.console import GuardedStdout, StdoutError, silence_stdout, warn
from reader.errors import BylineError

SUBCOMMANDS = {
    "analyze": ("reader.commands.analyze", "print the analysis of articles or a whole corpus"),
    "actors": ("reader.commands.actors", "who is quoted across a collection of articles"),
    "export": ("reader.commands.export", "export highlights and notes (md, json, yaml)"),
    "themes": ("reader.commands.themes", "list themes, or check a theme file"),
}
READ_COMMAND = "reader.commands.read"


class _OneLineParser(argparse.ArgumentParser):
    """argparse with Byline's one-line errors: ``byline: themes: argument --check: expected one
    argument (see 'byline themes --help')`` and exit status 2, instead of a usage block."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("byline").strip()
        where = f"{command}: " if command else ""
        warn(f"{where}{message} (see '{self.prog} --help')")
        raise SystemExit(2)


def _parser_for(module_name: str, prog: str, description: str) -> tuple[argparse.ArgumentParser, ModuleType]:
    module = importlib.import_module(module_name)
    parser = _OneLineParser(prog=prog, description=description)
    module.add_arguments(parser)
    return parser, module


def _top_level_help() -> str:
    lines = [
        "usage: byline [FILE|DIR|-|URL] [options]",
        "       byline COMMAND ...",
        "",
        "Read a news article in the terminal and see who said what.",
        "With no FILE, opens the bundled sample article.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<9} {help_text}" for name, (_, help_text) in SUBCOMMANDS.items()]
    lines += ["", "Run 'byline COMMAND --help' or 'byline --read-help' for the reader's options."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["-h"], ["--help"]):
        print(_top_level_help())
        return 0
    if args[:1] == ["--version"]:
        print(f"byline {__version__}")
        return 0
    if args and args[0] in SUBCOMMANDS:
        # Headless output: a full disk or a closed pipe on stdout is one line (or silence), never a
        # traceback. The reader (no subcommand) owns the terminal and is left alone.
        stdout = sys.stdout
        sys.stdout = GuardedStdout(stdout)  # type: ignore[assignment]
        try:
            code = _run(args)
            sys.stdout.flush()
            return code
        except StdoutError as error:
            warn(str(error))
            silence_stdout()
            return error.exit_code
        except BrokenPipeError:
            silence_stdout()
            return 0
        finally:
            sys.stdout = stdout
    return _run(args)


def _run(args: list[str]) -> int:
    """Run a subcommand or the reader; every :class:`BylineError` becomes one ``byline:`` line."""
    try:
        if args and args[0] in SUBCOMMANDS:
            module_name, help_text = SUBCOMMANDS[args[0]]
            parser, module = _parser_for(module_name, f"byline {args[0]}", help_text)
            return int(module.run(parser.parse_args(args[1:])) or 0)
        if args[:1] == ["--read-help"]:
            args = ["--help"]
        parser, module = _parser_for(READ_COMMAND, "byline", "open an article in the reader")
        return int(module.run(parser.parse_args(args)) or 0)
    except StdoutError:
        raise
    except BylineError as error:
        warn(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        warn("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        # The environment failed (a folder we may not enter, a vanished file, a full disk): one line.
        warn(describe_os_error(error))
        return BylineError.exit_code


def describe_os_error(error: OSError) -> str:
    """``PATH: reason`` for an ``OSError`` (``PermissionError`` says what could not be done)."""
    reason = error.strerror or str(error) or type(error).__name__
    if isinstance(error, PermissionError):
        reason = "permission denied (cannot read it)"
    return f"{error.filename}: {reason}" if error.filename else reason


if __name__ == "__main__":
    raise SystemExit(main())
