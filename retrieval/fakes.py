"""Deterministic stand-ins for the embedding model, for tests and model-free demos.

`KeywordEncoder` maps each keyword to one fixed axis: a text's vector counts the keywords it
contains (plus a small constant axis so that no vector is zero), then is L2-normalised. Two texts
are similar exactly when they share keywords, which makes ranking in tests predictable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"[a-z0-9]+")


class KeywordEncoder:
    """Fake encoder: keyword -> fixed axis. `calls` counts encode() calls (for cache tests)."""

    def __init__(self, keywords: Sequence[str], name: str = "fake-keywords") -> None:
        if not keywords:
            raise ValueError("keywords must not be empty")
        self.keywords = [k.lower() for k in keywords]
        self._axis = {k: i for i, k in enumerate(self.keywords)}
        self._name = name
        self.calls = 0

    @property
    def model_name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return len(self.keywords) + 1

    def encode(self, texts: list[str], batch_size: int = 64, progress: bool = False) -> np.ndarray:
        """Return (len(texts), dimension) float32 unit vectors."""
        import numpy as np

        self.calls += 1
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                axis = self._axis.get(word)
                if axis is not None:
                    out[row, axis] += 1.0
            out[row, -1] = 0.05
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        return out
