"""The analyser's version: part of every cache key and of every exported analysis.

Bump it whenever extraction output can change for the same text and model.
"""

ANALYSER_VERSION = "0.7.0"
