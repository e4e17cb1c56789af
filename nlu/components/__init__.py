"""Rasa 3.6 graph components; referenced from assistant/config.yml by dotted path."""
