"""Retrieval evaluation: labelled queries over the real knowledge repository.

Run `python -m eval.retrieval` (see __main__.py). The labelled set lives in queries.yaml.
"""
