"""Subcommands: analysis_commands (to be built)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    """Add this module's subcommands to the parser."""
    del commands


__all__ = ["argparse", "register"]
