"""Errors a user can act on: each names what was wrong and where."""


class GestaeError(Exception):
    """Base class for errors gestae reports to the user without a traceback."""


class DataFileError(GestaeError):
    """A dictionary, lexicon or ontology file is malformed (message names file and entry)."""


class InputError(GestaeError):
    """An input article, line or file could not be read."""


class StoreError(GestaeError):
    """The event store cannot be opened or written."""
