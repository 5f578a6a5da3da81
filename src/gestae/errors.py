"""Errors a user can act on: each names what was wrong and where."""


class GestaeError(Exception):
    """Base class for errors gestae reports to the user without a traceback."""


class DataError(GestaeError):
    """A data file (dictionary, lexicon, ontology, word list) is malformed or unreadable.

    The message names the file, the line and the entry, so a user can fix the data without a
    traceback; `gestae.resources.loader` builds these.
    """


# The older name, still raised by modules that do not use the loader yet.
DataFileError = DataError


class InputError(GestaeError):
    """An input article, line or file could not be read."""


class StoreError(GestaeError):
    """The event store cannot be opened or written."""
