"""Vocabulary access for the NLU matchers (PyYAML + stdlib only).

Uses ``knowledge.vocab.load_vocab`` when the knowledge package is importable (one loader, one
cache for the whole process); otherwise reads ``knowledge/vocab/<name>.yaml`` itself, honouring
the same ``PMN_VOCAB_DIR`` override. Either way the result is the parsed YAML mapping.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml


def _fallback_dir() -> Path:
    env = os.environ.get("PMN_VOCAB_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "knowledge" / "vocab"


def load(name: str, vocab_dir: str | Path | None = None) -> dict[str, Any]:
    """Parsed vocabulary ``name`` (biomarkers | cancer_types | countries | safety_numbers).

    ``vocab_dir`` reads from an explicit directory (tests, components configured with a path).
    Returns the top-level mapping; raises FileNotFoundError when the file is missing.
    """
    if vocab_dir is None:
        try:
            from knowledge.vocab import load_vocab
        except ImportError:
            vocab_dir = _fallback_dir()
        else:
            return load_vocab(name)
    path = Path(vocab_dir) / f"{name}.yaml"
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return data
