"""Hybrid search: dense (FAISS) + keyword (BM25) fusion, metadata filters, fallback, abstention.

    search = HybridSearch.load_or_build(resources, Path("var/index"))
    response = search.search("somewhere my mum can talk to people with the same mutation",
                             k=5, filters=Filters(biomarkers=["EGFR"], country="GB",
                                                  audience="caregivers"))
    [hit.to_public() for hit in response.hits]

Scoring. Every candidate gets a *relevance* in [0, 1]: `dense_weight * cosine + (1 -
dense_weight) * bm25 / (bm25 + bm25_saturation)`. The ranking score is that relevance (fusion
"weighted") or reciprocal-rank fusion of the dense and BM25 ranks (fusion "rrf"), plus small
boosts for resources tagged specifically with the filter's biomarker, country, cancer type or
audience. The search abstains when the best relevance is below `abstain_below` (calibrated on
the evaluation set, see docs/evaluation.md).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retrieval.documents import content_hash, dense_text, keyword_text
from retrieval.filters import Filters, MetadataTable, explain
from retrieval.index import VectorIndex
from retrieval.keyword import KeywordIndex
from retrieval.rules import MatchRules

if TYPE_CHECKING:
    import numpy as np

    from retrieval.embedder import Encoder

log = logging.getLogger(__name__)

INDEX_DIR_ENV = "PMN_INDEX_DIR"
DEFAULT_INDEX_DIR = Path("var/index")
MODES = ("hybrid", "dense", "bm25")

__all__ = ["Filters", "Hit", "HybridSearch", "SearchConfig", "SearchResponse", "default_index_dir"]


def default_index_dir() -> Path:
    """var/index, or env PMN_INDEX_DIR."""
    return Path(os.environ.get(INDEX_DIR_ENV) or DEFAULT_INDEX_DIR)


@dataclass(frozen=True)
class SearchConfig:
    """Tunable parameters; defaults are the values chosen by the evaluation."""

    fusion: str = "weighted"
    dense_weight: float = 0.5
    bm25_saturation: float = 8.0
    rrf_k: int = 60
    candidates: int = 100
    biomarker_boost: float = 0.12
    country_boost: float = 0.10
    cancer_boost: float = 0.02
    audience_boost: float = 0.02
    abstain_below: float = 0.20
    ann_threshold: int = 50_000
    ann: str = "ivf"
    ivf_storage: str = "sq8"

    def __post_init__(self) -> None:
        if self.fusion not in {"weighted", "rrf"}:
            raise ValueError(f"fusion must be 'weighted' or 'rrf', got {self.fusion!r}")
        if not 0.0 <= self.dense_weight <= 1.0:
            raise ValueError(f"dense_weight must be in [0, 1], got {self.dense_weight}")
        if self.bm25_saturation <= 0:
            raise ValueError(f"bm25_saturation must be > 0, got {self.bm25_saturation}")
        if self.candidates <= 0:
            raise ValueError(f"candidates must be > 0, got {self.candidates}")
        if self.rrf_k <= 0:
            raise ValueError(f"rrf_k must be > 0, got {self.rrf_k}")


@dataclass
class Hit:
    """One result: the resource, its ranking score and why it was returned."""

    resource: Any
    score: float
    why: list[str] = field(default_factory=list)

    def to_public(self) -> dict[str, Any]:
        """JSON-ready dict: id, name, url, kind, owner, score, why, last_reviewed (ISO date)."""
        r = self.resource
        kind = getattr(r, "kind", None)
        reviewed = getattr(r, "last_reviewed", None)
        return {
            "id": r.id,
            "name": r.name,
            "url": str(r.url) if getattr(r, "url", None) else None,
            "kind": str(getattr(kind, "value", kind)),
            "owner": getattr(r, "owner", None),
            "score": round(float(self.score), 4),
            "why": list(self.why),
            "last_reviewed": reviewed.isoformat() if reviewed is not None else None,
        }


@dataclass
class SearchResponse:
    """Search outcome. `abstained` responses have no hits and a `reason`; `fallback` responses
    hold nearest-available resources and a `note` that says so."""

    hits: list[Hit] = field(default_factory=list)
    fallback: bool = False
    note: str | None = None
    abstained: bool = False
    reason: str | None = None

    def to_public(self) -> dict[str, Any]:
        """JSON-ready dict: results (Hit.to_public each), fallback, note, abstained, reason."""
        return {
            "results": [h.to_public() for h in self.hits],
            "fallback": self.fallback,
            "note": self.note,
            "abstained": self.abstained,
            "reason": self.reason,
        }


@dataclass
class _Scored:
    rows: np.ndarray
    relevance: np.ndarray  # weighted dense+bm25 in [0, 1], used for abstention
    rank_score: np.ndarray  # fused score used for ordering (before boosts)
    cosine: np.ndarray
    bm25: np.ndarray


class HybridSearch:
    """Dense + BM25 retrieval with metadata filters over a fixed list of resources."""

    def __init__(
        self,
        resources: list[Any],
        index: VectorIndex,
        embedder: Encoder,
        rules: MatchRules | None = None,
        config: SearchConfig | None = None,
        rebuilt: bool = False,
    ) -> None:
        ids = [r.id for r in resources]
        if ids != index.ids:
            raise ValueError("index ids do not match the resources (rebuild the index)")
        self.resources = list(resources)
        self.index = index
        self.embedder = embedder
        self.rules = rules if rules is not None else MatchRules()
        self.config = config or SearchConfig()
        self.rebuilt = rebuilt
        self._by_id = {r.id: r for r in self.resources}
        self._row = {r.id: i for i, r in enumerate(self.resources)}
        self.keyword = KeywordIndex.build([keyword_text(r, self.rules) for r in self.resources])
        self.meta = MetadataTable(self.resources, self.rules)
        self._query_cache: dict[str, np.ndarray] = {}

    # -- construction -----------------------------------------------------------------------
    @classmethod
    def load_or_build(
        cls,
        resources: list[Any],
        index_dir: Path | str | None = None,
        embedder: Encoder | None = None,
        rules: MatchRules | None = None,
        config: SearchConfig | None = None,
        force: bool = False,
    ) -> HybridSearch:
        """Reuse the index in index_dir when its manifest matches the model and content hash,
        otherwise embed the resources, build and save a new one.

        index_dir None means default_index_dir(); rules None means MatchRules.from_vocab();
        embedder None means `make_embedder()` (env PMN_EMBEDDING_BACKEND, torch by default).
        `.rebuilt` on the result says whether the index was (re)built.
        """
        if embedder is None:
            from retrieval.embedder import make_embedder

            embedder = make_embedder()
        rules = rules if rules is not None else MatchRules.from_vocab()
        config = config or SearchConfig()
        directory = Path(index_dir) if index_dir is not None else default_index_dir()
        ids = [r.id for r in resources]
        texts = [dense_text(r, rules) for r in resources]
        digest = content_hash(ids, texts)
        if not force and VectorIndex.is_current(directory, embedder.model_name, digest):
            index = VectorIndex.load(directory)
            if index.ids == ids:
                log.info("index in %s is current (%d resources)", directory, len(ids))
                return cls(resources, index, embedder, rules, config, rebuilt=False)
        log.info("building index of %d resources in %s", len(ids), directory)
        vectors = embedder.encode(texts, progress=len(texts) > 1000)
        index = VectorIndex.build(
            vectors,
            ids,
            embedder.model_name,
            digest,
            ann_threshold=config.ann_threshold,
            ann=config.ann,
            ivf_storage=config.ivf_storage,
        )
        index.save(directory)
        return cls(resources, index, embedder, rules, config, rebuilt=True)

    @classmethod
    def build(
        cls,
        resources: list[Any],
        embedder: Encoder,
        rules: MatchRules | None = None,
        config: SearchConfig | None = None,
    ) -> HybridSearch:
        """Build in memory without saving (tests, benchmarks)."""
        rules = rules if rules is not None else MatchRules()
        config = config or SearchConfig()
        ids = [r.id for r in resources]
        texts = [dense_text(r, rules) for r in resources]
        vectors = embedder.encode(texts, progress=len(texts) > 1000)
        index = VectorIndex.build(
            vectors,
            ids,
            embedder.model_name,
            content_hash(ids, texts),
            ann_threshold=config.ann_threshold,
            ann=config.ann,
            ivf_storage=config.ivf_storage,
        )
        return cls(resources, index, embedder, rules, config, rebuilt=True)

    def get(self, resource_id: str) -> Any | None:
        """The resource with this id, or None."""
        return self._by_id.get(resource_id)

    def __len__(self) -> int:
        return len(self.resources)

    # -- scoring ----------------------------------------------------------------------------
    def _score(self, query: str, allowed: np.ndarray, mode: str) -> _Scored:
        """Score the union of the dense and BM25 top candidates among allowed rows."""
        import numpy as np

        cfg = self.config
        n_allowed = int(np.count_nonzero(allowed))
        empty = np.zeros(0, dtype=np.float32)
        if n_allowed == 0 or not query.strip():
            return _Scored(np.zeros(0, dtype=np.int64), empty, empty, empty, empty)
        c = min(cfg.candidates, n_allowed)
        qv = self._query_vector(query)
        # the BM25-only baseline needs every score (it fills up with zero-score documents);
        # hybrid search asks the keyword index for its top candidates and a few scores only,
        # which avoids N-length passes on large collections (see retrieval.keyword)
        bm25_all = self.keyword.scores(query) if mode == "bm25" else None
        parts: list[np.ndarray] = []
        if mode != "bm25":
            _, rows = self.index.search(qv[None, :], c, allowed=allowed)
            parts.append(rows[0][rows[0] >= 0])
        if mode == "hybrid":
            parts.append(self.keyword.top_rows(query, c, allowed, n_allowed)[0])
        if bm25_all is not None:
            positive = np.flatnonzero(bm25_all > 0)
            positive = positive[allowed[positive]]
            if len(positive) > c:
                positive = positive[np.argpartition(-bm25_all[positive], c - 1)[:c]]
            parts.append(positive)
            if len(positive) < c:
                # BM25 alone ranks zero-score documents last, in index order
                rest = np.flatnonzero(allowed & (bm25_all <= 0))[: c - len(positive)]
                parts.append(rest)
        rows = np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.int64)
        cosine = self.index.reconstruct(rows) @ qv
        if bm25_all is not None:
            bm25 = bm25_all[rows]
        elif mode == "hybrid":
            bm25 = self.keyword.scores_at(query, rows)
        else:
            bm25 = np.zeros(len(rows), np.float32)
        sat = bm25 / (bm25 + cfg.bm25_saturation)
        if mode == "dense":
            relevance = cosine.copy()
        elif mode == "bm25":
            relevance = sat
        else:
            relevance = cfg.dense_weight * cosine + (1.0 - cfg.dense_weight) * sat
        if mode == "hybrid" and cfg.fusion == "rrf":
            rank_score = self._rrf(cosine) + self._rrf(bm25, zero_is_missing=True)
        else:
            rank_score = relevance
        return _Scored(rows, relevance.astype(np.float32), rank_score, cosine, bm25)

    def _query_vector(self, query: str) -> np.ndarray:
        """Query embedding, cached (bounded): actions compose many identical queries from
        slots, and encoding is the largest share of a search's cost."""
        import numpy as np

        vector = self._query_cache.get(query)
        if vector is None:
            vector = np.asarray(self.embedder.encode([query])[0], dtype=np.float32)
            if len(self._query_cache) >= 2048:
                self._query_cache.clear()
            self._query_cache[query] = vector
        return vector

    def _rrf(self, values: np.ndarray, zero_is_missing: bool = False) -> np.ndarray:
        import numpy as np

        order = np.argsort(-values, kind="stable")
        ranks = np.empty(len(values), dtype=np.float64)
        ranks[order] = np.arange(1, len(values) + 1)
        out = 1.0 / (self.config.rrf_k + ranks)
        if zero_is_missing:
            out[values <= 0] = 0.0
        return out

    def _boosts(self, rows: np.ndarray, filters: Filters) -> np.ndarray:
        import numpy as np

        cfg = self.config
        boost = np.zeros(len(rows), dtype=np.float64)
        if not len(rows):
            return boost
        if filters.biomarkers:
            boost += cfg.biomarker_boost * self.meta.specific_biomarker_rows(filters)[rows]
        if filters.country:
            boost += cfg.country_boost * self.meta.rows("region", {filters.country.upper()})[rows]
        if filters.cancer_type:
            codes = self.rules.compatible_cancer_types(filters.cancer_type)
            boost += cfg.cancer_boost * self.meta.rows("cancer", codes)[rows]
        if filters.audience:
            audiences = {filters.audience}
            if filters.audience == "caregivers":
                audiences.add("patients")
            boost += cfg.audience_boost * self.meta.rows("audience", audiences)[rows]
        return boost

    # -- search -----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int = 5,
        filters: Filters | None = None,
        *,
        today: date | None = None,
        mode: str = "hybrid",
    ) -> SearchResponse:
        """Return up to k hits for the query under the filters.

        mode "dense" or "bm25" switches fusion off (baselines for the evaluation).
        """
        import numpy as np

        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        filters = filters or Filters()
        today = today or date.today()
        query = (query or "").strip()
        if not query:
            return SearchResponse(abstained=True, reason="empty query")
        allowed = self.meta.mask(filters, today)
        scored = self._score(query, allowed, mode)
        best = float(scored.relevance.max()) if len(scored.rows) else 0.0
        wants_fallback = bool(
            filters.biomarkers
            and filters.country
            and not (allowed & self.meta.specific_biomarker_rows(filters)).any()
        )
        if wants_fallback and best < self.config.abstain_below:
            # is the question on-topic at all? (the filters may just be too narrow)
            broad = self.meta.mask(Filters(audience=filters.audience), today)
            wide = self._score(query, broad, mode)
            wants_fallback = bool(len(wide.rows)) and (
                float(wide.relevance.max()) >= self.config.abstain_below
            )
        if wants_fallback:
            fb = self._fallback(query, k, filters, today, scored, mode)
            if fb is not None:
                return fb
        if not len(scored.rows):
            return SearchResponse(
                abstained=True, reason="no resource matches the filters" + _describe(filters)
            )
        if best < self.config.abstain_below:
            return SearchResponse(
                abstained=True,
                reason=(
                    f"no resource is close enough to the question (best relevance {best:.2f} "
                    f"< {self.config.abstain_below:.2f})"
                ),
            )
        final = scored.rank_score + self._boosts(scored.rows, filters)
        order = np.lexsort((scored.rows, -final))[:k]
        hits = [self._hit(scored, i, float(final[i]), query, filters, today) for i in order]
        return SearchResponse(hits=hits)

    def best_relevance(
        self, query: str, filters: Filters | None = None, *, today: date | None = None
    ) -> float:
        """The relevance the abstention rule compares with `abstain_below` (0.0 if nothing
        passes the filters)."""
        filters = filters or Filters()
        allowed = self.meta.mask(filters, today or date.today())
        scored = self._score((query or "").strip(), allowed, "hybrid")
        return float(scored.relevance.max()) if len(scored.rows) else 0.0

    def _hit(
        self, scored: _Scored, i: int, score: float, query: str, filters: Filters, today: date
    ) -> Hit:
        resource = self.resources[int(scored.rows[i])]
        why = explain(resource, filters, self.rules, today)
        terms = self._matched_terms(query, resource)
        if terms:
            why.append(f"keywords: {', '.join(terms)}")
        if scored.cosine[i] > 0:
            why.append(f"meaning similarity {float(scored.cosine[i]):.2f}")
        return Hit(resource, score, why)

    def _matched_terms(self, query: str, resource: Any) -> list[str]:
        """Query terms that occur in the resource's keyword text (for `why`), looked up in the
        BM25 postings of the query terms (no re-tokenising of the resource)."""
        return self.keyword.terms_in_row(query, self._row[resource.id])

    def _fallback(
        self,
        query: str,
        k: int,
        filters: Filters,
        today: date,
        scored: _Scored,
        mode: str,
    ) -> SearchResponse | None:
        """Nearest available when no resource for the biomarker serves the country: the best
        biomarker match anywhere (preferring ones tagged "global", and only if it is relevant
        to the question) and the best national organisation for the cancer type, then the
        regular hits. None when neither exists."""
        import numpy as np

        markers = ", ".join(self.rules.normalise_biomarker(b) for b in filters.biomarkers or [])
        country = (filters.country or "").upper()
        hits: list[Hit] = []
        found_elsewhere = found_national = False
        # 1. the best resource for the biomarker, ignoring region
        anywhere = self.meta.mask(filters.without_region(), today)
        anywhere &= self.meta.specific_biomarker_rows(filters)
        if anywhere.any():
            global_rows = anywhere & self.meta.rows("region", {"GLOBAL"})
            pool = global_rows if global_rows.any() else anywhere
            s = self._score(query, pool, mode)
            if len(s.rows) and s.relevance.max() >= self.config.abstain_below:
                i = int(np.argmax(s.rank_score))
                hit = self._hit(s, i, float(s.rank_score[i]), query, filters, today)
                hit.why.insert(0, f"nearest available: no {markers} resource listed for {country}")
                hits.append(hit)
                found_elsewhere = True
        # 2. the best national organisation for the cancer type in the user's country
        national_filters = Filters(
            None, filters.cancer_type, None, filters.audience, "organisation", None
        )
        national = self.meta.mask(national_filters, today) & self.meta.rows("region", {country})
        if national.any():
            s = self._score(query, national, mode)
            if len(s.rows):
                ranked = s.rank_score + self._boosts(s.rows, national_filters)
                i = int(np.argmax(ranked))
                hit = self._hit(s, i, float(ranked[i]), query, filters, today)
                hit.why.insert(0, f"nearest available: national organisation in {country}")
                hits.append(hit)
                found_national = True
        if not hits:
            return None
        seen = {h.resource.id for h in hits}
        if len(scored.rows):
            final = scored.rank_score + self._boosts(scored.rows, filters)
            for i in np.lexsort((scored.rows, -final)):
                if len(hits) >= k:
                    break
                res = self.resources[int(scored.rows[i])]
                if res.id not in seen and scored.relevance[i] >= self.config.abstain_below:
                    hits.append(self._hit(scored, int(i), float(final[i]), query, filters, today))
                    seen.add(res.id)
        shown = []
        if found_elsewhere:
            shown.append(f"the closest {markers} resource based elsewhere")
        if found_national:
            shown.append("the national organisation for your cancer type")
        where = f"for {country}" if found_elsewhere else f"for {country} or elsewhere"
        note = (
            f"No resource specific to {markers} is listed {where}. Showing {' and '.join(shown)}."
        )
        return SearchResponse(hits=hits[:k], fallback=True, note=note)

    def with_config(self, **changes: Any) -> HybridSearch:
        """A shallow copy with some SearchConfig fields changed (evaluation sweeps)."""
        clone = object.__new__(HybridSearch)
        clone.__dict__.update(self.__dict__)
        clone.config = replace(self.config, **changes)
        return clone


def _describe(filters: Filters) -> str:
    parts = [
        f"{name}={value}"
        for name, value in (
            ("biomarker", ",".join(filters.biomarkers or []) or None),
            ("cancer_type", filters.cancer_type),
            ("country", filters.country),
            ("audience", filters.audience),
            ("kind", ",".join(filters.kinds or []) or None),
            ("language", filters.language),
        )
        if value
    ]
    return f" ({', '.join(parts)})" if parts else ""
