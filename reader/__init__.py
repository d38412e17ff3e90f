"""reader: compare how several outlets covered one news story."""

__version__ = "0.1.0"
