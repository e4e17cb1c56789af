"""Oncology-aware NLU for PM Navigator.

Plain-Python matchers (importable without Rasa) plus Rasa 3.6 graph components in
``nlu.components`` that wrap them. Only PyYAML, spaCy and the standard library are used here,
because the engine environment (Python 3.10, pydantic 1) imports this package.
"""
