"""The `gestae` command line: one Typer app over the library."""

from gestae.cli.app import app, main

__all__ = ["app", "main"]
