"""NLU evaluation: intent cross-validation, entity set, red-flag triage set (issue 4)."""
