"""Screens of the reader: the reader itself, the library, help."""
