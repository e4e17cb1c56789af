"""PM Navigator action server (rasa-sdk).

Thin actions, one module per job; each is handed its services (retrieval, settings) through
``actions.services`` instead of reading module globals. Run with ``python -m actions``.
"""
