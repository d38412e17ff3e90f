"""The `reader` command: one subcommand module per area, errors as `reader: message`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import (
    analysis_commands,
    annotation_commands,
    bench_command,
    export_command,
    open_command,
    store_commands,
)
from reader.errors import ReaderError
from reader.sanitize import visible

_MODULES = (
    open_command,
    store_commands,
    analysis_commands,
    annotation_commands,
    export_command,
    bench_command,
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser; each module adds its own subcommands."""
    return _parser_and_commands()[0]


def _parser_and_commands() -> tuple[argparse.ArgumentParser, set[str]]:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Compare how several outlets covered one news story.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _MODULES:
        module.register(commands)
    return parser, set(commands.choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; `reader` alone or `reader STORY` opens the app."""
    parser, known = _parser_and_commands()
    args_in = list(sys.argv[1:] if argv is None else argv)
    if not args_in or (args_in[0] not in known and not args_in[0].startswith("-")):
        args_in.insert(0, "open")
    args = parser.parse_args(args_in)
    if sys.stdout is None:
        print("reader: standard output is closed", file=sys.stderr)
        return 1
    try:
        code: int = args.run(args)
        sys.stdout.flush()
    except ReaderError as error:
        print(f"reader: {visible(str(error))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`reader quotes --json | head`): not an error.
        _drop_stdout()
        return 0
    except OSError as error:
        # A full disk, a read-only folder, a file where a folder should be: say which and why.
        where = error.filename
        if where is None:
            where = "standard output"
            _drop_stdout()
        print(visible(f"reader: {where}: {error.strerror or error}"), file=sys.stderr)
        return 1
    return code


def _drop_stdout() -> None:
    """Send what is still buffered for stdout nowhere, so the exit does not fail on it again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
