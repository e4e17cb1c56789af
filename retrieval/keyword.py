"""BM25 keyword index (bm25s) over the keyword text of each resource.

bm25s precomputes every (term, document) BM25 contribution into a term-major sparse matrix
(`indptr`, `indices`, `data`: a CSC matrix), so a query's score for a document is the sum of
the query terms' entries for it. bm25s's own `get_scores` scatters every posting of every query
term into a dense N-length array: fine for thousands of documents, but at 1M synthetic resources
a query's terms have 1-2.5M postings (the vocabulary of short summaries is small and a common
term occurs in most documents), and that scan cost ~5 ms per query.

Large collections (`len >= sparse_min`, default 50,000) therefore answer the two questions the
hybrid search asks without an N-length pass:

- `top_rows(query, c, allowed)`: the c best-scoring allowed documents, found with Fagin's
  threshold algorithm over *impact-ordered* postings (each term's postings sorted by score,
  descending, once at build time). The lists are read to a depth d; every document seen is
  scored exactly; the best unseen document can score at most the sum of each term's score at
  depth d; once the c-th best seen allowed score reaches that bound the answer is final,
  otherwise d grows. The result is a correct top-c: the same scores as the dense computation;
  which of several documents tied exactly at the c-th score is returned may differ.
- `scores_at(query, rows)`: exact scores of a few rows (binary search in each term's
  row-sorted postings).

Smaller collections use the dense scores (cheap there), so results on the curated repository
are those of the straightforward computation. tests/unit/test_retrieval_fastpaths.py compares
both paths on random synthetic corpora.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from retrieval.documents import tokenize

if TYPE_CHECKING:
    import numpy as np

#: Collections with at least this many documents take the sparse paths (see module docstring).
DEFAULT_SPARSE_MIN = 50_000
#: relative margin for float32 rounding when sums computed in different term orders are compared
SLACK = 1e-5


class KeywordIndex:
    """BM25 over pre-tokenised documents; row i is the i-th text given to `build`."""

    def __init__(self, retriever: Any, size: int, sparse_min: int = DEFAULT_SPARSE_MIN) -> None:
        self._retriever = retriever
        self._size = size
        self.sparse_min = sparse_min
        self._postings: tuple[Any, Any, Any] | None = None
        self._impact: Any = None
        self._bounds: Any = None
        self._local = threading.local()

    @property
    def sparse(self) -> bool:
        """True when `top_rows` and `scores_at` avoid N-length passes (large collections)."""
        return self._size >= self.sparse_min

    def _sorted_postings(self) -> tuple[Any, Any, Any]:
        """(indptr, indices, data) of the BM25 score matrix (term-major), each term's document
        rows sorted ascending (data permuted alike) so a row is found by binary search. Built
        once."""
        if self._postings is None:
            import numpy as np

            matrix = self._retriever.scores
            indptr = np.asarray(matrix["indptr"], dtype=np.int64)
            indices = np.asarray(matrix["indices"])
            data = np.asarray(matrix["data"], dtype=np.float32)
            terms = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
            if len(indices) > 1 and not np.all((np.diff(indices) > 0) | (np.diff(terms) != 0)):
                order = np.lexsort((indices, terms))
                indices, data = indices[order], data[order]
            self._postings = (indptr, indices, data)
        return self._postings

    def _impact_order(self) -> Any:
        """Positions into the sorted postings that list each term's entries by score,
        descending (ties in row order): the impact-ordered lists of `top_rows`."""
        if self._impact is None:
            import numpy as np

            indptr, _, data = self._sorted_postings()
            dtype = np.int32 if len(data) < 2**31 else np.int64  # 150 MB at 1M resources
            impact = np.empty(len(data), dtype=dtype)
            for tid in range(len(indptr) - 1):
                start, end = int(indptr[tid]), int(indptr[tid + 1])
                impact[start:end] = start + np.argsort(-data[start:end], kind="stable")
            self._impact = impact
        return self._impact

    @classmethod
    def build(
        cls,
        texts: list[str],
        k1: float = 1.2,
        b: float = 0.75,
        sparse_min: int = DEFAULT_SPARSE_MIN,
    ) -> KeywordIndex:
        """Tokenise and index texts (BM25 Lucene variant); large collections also get their
        impact-ordered postings now rather than on the first query."""
        import bm25s

        retriever = bm25s.BM25(k1=k1, b=b)
        corpus = [tokenize(t) or ["__empty__"] for t in texts]
        if corpus:
            retriever.index(corpus, show_progress=False)
        index = cls(retriever, len(texts), sparse_min)
        if corpus and index.sparse:
            index._impact_order()
        return index

    def __len__(self) -> int:
        return self._size

    def query_terms(self, query: str) -> list[str]:
        """Query tokens that occur in the indexed vocabulary (duplicates removed, order kept)."""
        if not self._size:
            return []
        vocab = self._retriever.vocab_dict
        return list(dict.fromkeys(t for t in tokenize(query) if t in vocab))

    def _term_ids(self, query: str) -> list[int]:
        vocab = self._retriever.vocab_dict
        return [int(vocab[t]) for t in self.query_terms(query)]

    def terms_in_row(self, query: str, row: int) -> list[str]:
        """Query terms (as `query_terms`) that occur in document `row`."""
        import numpy as np

        terms = self.query_terms(query)
        if not terms:
            return []
        indptr, indices, _ = self._sorted_postings()
        vocab = self._retriever.vocab_dict
        needle = indices.dtype.type(row)  # same dtype: no converted copy of a long posting list
        out = []
        for term in terms:
            tid = vocab[term]
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            at = start + int(np.searchsorted(indices[start:end], needle))
            if at < end and int(indices[at]) == row:
                out.append(term)
        return out

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for the query, shape (len(self),), float32."""
        import numpy as np

        terms = self.query_terms(query)
        if not terms:
            return np.zeros(self._size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(terms), dtype=np.float32)

    def scores_at(self, query: str, rows: np.ndarray) -> np.ndarray:
        """BM25 scores of the given rows only (float32, same order as rows)."""
        return self._scores_at(self._term_ids(query), rows)

    def _scores_at(self, term_ids: list[int], rows: np.ndarray) -> np.ndarray:
        import numpy as np

        out = np.zeros(len(rows), dtype=np.float32)
        if not term_ids or not len(rows):
            return out
        indptr, indices, data = self._sorted_postings()
        needles = np.asarray(rows).astype(indices.dtype, copy=False)
        for tid in term_ids:
            start, end = int(indptr[tid]), int(indptr[tid + 1])
            postings = indices[start:end]
            at = np.searchsorted(postings, needles)
            found = at < len(postings)
            found[found] = postings[at[found]] == needles[found]
            out[found] += data[start + at[found]]
        return out

    def top_rows(
        self, query: str, c: int, allowed: np.ndarray, n_allowed: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """The (at most) c allowed documents with the highest positive BM25 scores.

        Returns (rows, scores), rows ascending. Documents with score 0 are never returned.
        Dense scoring for small collections; the threshold algorithm (module docstring) for
        large ones, whose answer has the same scores but may pick other members of a group
        of documents tied at the c-th score.
        """
        import numpy as np

        if c <= 0 or not self._size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if not self.sparse:
            dense = self.scores(query)
            positive = np.flatnonzero(dense > 0)
            positive = positive[allowed[positive]]
            if len(positive) > c:
                positive = np.sort(positive[np.argpartition(-dense[positive], c - 1)[:c]])
            return positive, dense[positive]
        return self._sparse_top(self._term_ids(query), c, allowed, n_allowed)

    def _term_bounds(self) -> Any:
        """Each term's highest BM25 contribution (its score upper bound), float32 by term id."""
        if self._bounds is None:
            import numpy as np

            indptr, _, data = self._sorted_postings()
            bounds = np.zeros(len(indptr) - 1, dtype=np.float32)
            filled = np.flatnonzero(np.diff(indptr) > 0)
            if len(filled):
                bounds[filled] = np.maximum.reduceat(data, indptr[filled])
            self._bounds = bounds
        return self._bounds

    def _scratch(self) -> Any:
        """An all-zero float32 accumulator of length N for this thread (callers reset the
        entries they touch, so it is never cleared with an N-length pass)."""
        import numpy as np

        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = np.zeros(self._size, dtype=np.float32)
        return scratch

    def _sparse_top(
        self, term_ids: list[int], c: int, allowed: np.ndarray, n_allowed: int | None
    ) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        empty = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if not term_ids:
            return empty
        if n_allowed is None:
            n_allowed = int(np.count_nonzero(allowed))
        if n_allowed == 0:
            return empty
        indptr, indices, data = self._sorted_postings()
        impact = self._impact_order()
        starts = np.array([indptr[t] for t in term_ids], dtype=np.int64)
        lengths = np.array([indptr[t + 1] - indptr[t] for t in term_ids], dtype=np.int64)

        def best(rows: np.ndarray, scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            keep = scores > 0
            rows, scores = rows[keep], scores[keep]
            if len(rows) > c:
                top = np.argpartition(-scores, c - 1)[:c]
                rows, scores = rows[top], scores[top]
            order = np.argsort(rows, kind="stable")
            return rows[order].astype(np.int64), scores[order]

        # 1. threshold-algorithm probe: the head of every impact-ordered list, scored exactly;
        # a fraction n_allowed / N of it passes the filter, so read about 2c allowed rows/term
        depth = int(min(lengths.max(), max(c, 2 * c * self._size // n_allowed)))
        heads = zip(starts, np.minimum(lengths, depth), strict=True)
        seen = np.concatenate([indices[impact[s : s + n]] for s, n in heads])
        seen = np.unique(seen[allowed[seen]])
        scores = self._scores_at(term_ids, seen)
        theta = 0.0
        if len(seen) >= c:
            theta = float(np.partition(scores, len(scores) - c)[len(scores) - c])
            deeper = lengths > depth
            bound = float(data[impact[starts[deeper] + depth]].sum()) if deeper.any() else 0.0
            if theta >= bound:  # nothing unseen can beat the c-th seen score
                return best(seen, scores)
        # 2. MaxScore: terms whose bounds add up to less than theta cannot lift a document
        # into the top c on their own ("non-essential"); candidates are the allowed rows of
        # the other terms' postings, accumulated sparsely, then completed and pruned
        bounds = self._term_bounds()[term_ids]
        by_bound = np.argsort(bounds, kind="stable")
        cumulative = np.cumsum(bounds[by_bound].astype(np.float64))
        n_minor = int(np.searchsorted(cumulative, theta, side="left"))  # sums < theta
        minor_bound = float(cumulative[n_minor - 1]) if n_minor else 0.0
        scratch = self._scratch()
        fresh: list[np.ndarray] = []
        try:
            for i in by_bound[n_minor:]:
                s, e = int(starts[i]), int(starts[i] + lengths[i])
                rows = indices[s:e]
                keep = allowed[rows]
                rows, values = rows[keep], data[s:e][keep]
                fresh.append(rows[scratch[rows] == 0])  # positive scores: 0 means unseen
                scratch[rows] += values
            candidates = np.concatenate(fresh) if fresh else np.zeros(0, dtype=indices.dtype)
            partial = scratch[candidates]
        finally:
            for rows in fresh:
                scratch[rows] = 0.0
        # a candidate's partial score is a lower bound of its score, so the c-th best partial
        # score may raise theta; keep the candidates that can still reach it, complete their
        # scores with the non-essential terms, keep those near the c-th best and score them
        # again in query-term order, so that the returned scores equal the dense ones bit for
        # bit (the sums above ran in another order: SLACK covers float32 rounding)
        if len(partial) >= c:
            theta = max(theta, float(np.partition(partial, len(partial) - c)[len(partial) - c]))
        hopeful = partial + minor_bound >= theta * (1 - SLACK)
        candidates, partial = candidates[hopeful], partial[hopeful]
        order = np.argsort(candidates, kind="stable")
        candidates, partial = candidates[order], partial[order]
        if n_minor:
            minor = [term_ids[i] for i in by_bound[:n_minor]]
            partial = partial + self._scores_at(minor, candidates)
        if len(partial) > c:
            kth = float(np.partition(partial, len(partial) - c)[len(partial) - c])
            candidates = candidates[partial >= kth * (1 - SLACK)]
        return best(candidates, self._scores_at(term_ids, candidates))
