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
        self._postings: tuple[Any, Any] | None = None

    def _sorted_postings(self) -> tuple[Any, Any]:
        """(indptr, indices) of the BM25 score matrix (term-major), each term's document rows
        sorted ascending so membership is a binary search. Built once."""
        if self._postings is None:
            import numpy as np

            matrix = self._retriever.scores
            indptr = np.asarray(matrix["indptr"], dtype=np.int64)
            indices = np.asarray(matrix["indices"])
            terms = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
            if len(indices) > 1 and not np.all((np.diff(indices) > 0) | (np.diff(terms) != 0)):
                indices = indices[np.lexsort((indices, terms))]
            self._postings = (indptr, indices)
        return self._postings

    def terms_in_row(self, query: str, row: int) -> list[str]:
        """Query terms (as `query_terms`) that occur in document `row`."""
        import numpy as np

        terms = self.query_terms(query)
        if not terms:
            return []
        indptr, indices = self._sorted_postings()
        vocab = self._retriever.vocab_dict
        out = []
        for term in terms:
            tid = vocab[term]
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            at = start + int(np.searchsorted(indices[start:end], row))
            if at < end and int(indices[at]) == row:
                out.append(term)
        return out

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
