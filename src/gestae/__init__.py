"""gestae: code news articles into PLOVER/CAMEO political event records."""

__version__ = "0.1.0"
