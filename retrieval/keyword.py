"""BM25 keyword index (bm25s) over the keyword text of each resource."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from retrieval.documents import tokenize

if TYPE_CHECKING:
    import numpy as np


class KeywordIndex:
    """BM25 over pre-tokenised documents; row i is the i-th text given to `build`."""

    def __init__(self, retriever: Any, size: int) -> None:
        self._retriever = retriever
        self._size = size

    @classmethod
    def build(cls, texts: list[str], k1: float = 1.2, b: float = 0.75) -> KeywordIndex:
        """Tokenise and index texts (BM25 Lucene variant)."""
        import bm25s

        retriever = bm25s.BM25(k1=k1, b=b)
        corpus = [tokenize(t) or ["__empty__"] for t in texts]
        if corpus:
            retriever.index(corpus, show_progress=False)
        return cls(retriever, len(texts))

    def __len__(self) -> int:
        return self._size

    def query_terms(self, query: str) -> list[str]:
        """Query tokens that occur in the indexed vocabulary (duplicates removed, order kept)."""
        if not self._size:
            return []
        vocab = self._retriever.vocab_dict
        return list(dict.fromkeys(t for t in tokenize(query) if t in vocab))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for the query, shape (len(self),), float32."""
        import numpy as np

        terms = self.query_terms(query)
        if not terms:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(terms), dtype=np.float32)
