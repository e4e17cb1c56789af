"""FAISS inner-product index over unit vectors, persisted with a manifest.

Exact (IndexFlatIP) by default; an ANN index (IVF by default, or HNSW; inner product) once the
collection reaches `ann_threshold` vectors. Files written by `save(dir)`:

    vectors.faiss   FAISS's own binary format (faiss.write_index; not a pickle)
    manifest.json   {"format", "model", "dimension", "content_hash", "index_type", "count",
                     "ids", "params"}

IVF storage (`params["storage"]`). Scanning the inverted lists is memory-bound: at 1M vectors
and nprobe 125 a query reads ~62k vectors, 96 MB as float32. The default "sq8" stores the lists
as 8-bit scalar-quantised codes (a quarter of the bytes) and wraps the IVF in an
IndexRefineFlat holding the float32 vectors: the IVF proposes `rerank` (default 100) candidates
from the codes and they are re-ranked by their exact inner product, so returned scores are
exact and the float32 copy also serves `reconstruct` and exact filtered search. Measured at 1M
(derived vectors, 1 thread): recall@10 0.958 at nprobe 125 for both, 9.2 -> 4.9 ms per query.
"flat" (IndexIVFFlat) is the previous layout; indexes saved with it still load.

`VectorIndex.is_current(dir, model, content_hash)` says whether a saved index can be reused.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
FORMAT_VERSION = 1
DEFAULT_ANN_THRESHOLD = 50_000
#: Filtered searches allowing at most this many rows are answered exactly (numpy over the
#: allowed rows). HNSW loses recall fast under selective filters, so its bound is high; IVF
#: with an ID selector keeps its recall under filters and reconstructing rows from inverted
#: lists is slow, so its bound is low.
DEFAULT_EXACT_SUBSET_MAX = {"flat": 0, "hnsw": 20_000, "ivf": 2_000}
INDEX_TYPES = ("auto", "flat", "hnsw", "ivf")
IVF_STORAGES = ("flat", "sq8")
#: IVF with "sq8" storage re-ranks at least this many candidates exactly (float32)
DEFAULT_RERANK = 100


class IndexLoadError(RuntimeError):
    """A saved index is missing, unreadable or inconsistent with its manifest."""


@dataclass
class VectorIndex:
    """A FAISS index plus the metadata needed to trust it.

    Attributes:
        index: the faiss index (IndexFlatIP, IndexHNSWFlat, IndexIVFFlat or IndexRefineFlat
            over an IVF-SQ8; inner product).
        ids: resource ids; row i of the index is ids[i].
        model: embedding model identifier the vectors came from.
        dimension: vector dimension.
        content_hash: hash of the embedded texts (see retrieval.documents.content_hash).
        index_type: "flat", "hnsw" or "ivf".
        params: index parameters (exact_subset_max; hnsw_m, ef_construction, ef_search;
            nlist, nprobe, storage, rerank).
    """

    index: Any
    ids: list[str]
    model: str
    dimension: int
    content_hash: str
    index_type: str = "flat"
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        vectors: np.ndarray,
        ids: list[str],
        model: str,
        content_hash: str,
        index_type: str = "auto",
        ann_threshold: int = DEFAULT_ANN_THRESHOLD,
        ann: str = "ivf",
        hnsw_m: int = 32,
        ef_construction: int = 80,
        ef_search: int = 128,
        nlist: int | None = None,
        nprobe: int | None = None,
        exact_subset_max: int | None = None,
        seed: int = 0,
        ivf_storage: str = "sq8",
        rerank: int = DEFAULT_RERANK,
    ) -> VectorIndex:
        """Build an index from unit vectors of shape (len(ids), dim).

        index_type: "flat" (exact), "hnsw", "ivf", or "auto": flat below `ann_threshold`
        vectors, else the `ann` type. IVF (IndexIVFFlat) builds fast, which matters on a
        2-core machine at 1M vectors; HNSW answers faster at equal recall but builds slowly.
        nlist defaults to 2 * sqrt(n) (IVF lists; an HNSW coarse quantizer from 1024 lists),
        nprobe to about 25k scanned vectors within nlist/16..nlist/4 lists (docs/benchmarks.md
        has the recall it buys).
        Filtered searches that allow at most `exact_subset_max` rows (default by index type,
        see DEFAULT_EXACT_SUBSET_MAX) are answered exactly. ivf_storage "sq8" (default) or
        "flat" and rerank: see the module docstring.
        """
        faiss = _faiss()
        import numpy as np

        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if vectors.ndim != 2:
            raise ValueError(f"vectors must be 2-D, got shape {vectors.shape}")
        if len(ids) != vectors.shape[0]:
            raise ValueError(f"{len(ids)} ids for {vectors.shape[0]} vectors")
        if len(set(ids)) != len(ids):
            raise ValueError("ids must be unique")
        if ann_threshold <= 0:
            raise ValueError(f"ann_threshold must be > 0, got {ann_threshold}")
        if index_type not in INDEX_TYPES:
            raise ValueError(f"index_type must be one of {INDEX_TYPES}, got {index_type!r}")
        if ann not in ("hnsw", "ivf"):
            raise ValueError(f"ann must be 'hnsw' or 'ivf', got {ann!r}")
        if ivf_storage not in IVF_STORAGES:
            raise ValueError(f"ivf_storage must be one of {IVF_STORAGES}, got {ivf_storage!r}")
        if rerank <= 0:
            raise ValueError(f"rerank must be > 0, got {rerank}")
        n, dim = len(ids), int(vectors.shape[1])
        if index_type == "auto":
            index_type = ann if n >= ann_threshold else "flat"
        if exact_subset_max is None:
            exact_subset_max = DEFAULT_EXACT_SUBSET_MAX[index_type]
        params: dict[str, Any] = {"exact_subset_max": exact_subset_max}
        if index_type == "flat":
            index = faiss.IndexFlatIP(dim)
        elif index_type == "hnsw":
            index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = ef_construction
            index.hnsw.efSearch = ef_search
            params |= {"hnsw_m": hnsw_m, "ef_construction": ef_construction}
            params |= {"ef_search": ef_search}
        else:
            nlist = nlist or max(1, min(65536, int(2 * math.sqrt(max(n, 1)))))
            if n < nlist:
                raise ValueError(f"IVF needs at least nlist={nlist} vectors, got {n}")
            # scan about 25k vectors per query, within nlist/16 .. nlist/4 lists: measured to
            # give recall@10 >= 0.95 from 100k to 1M (docs/benchmarks.md)
            list_size = max(1.0, n / nlist)
            nprobe = nprobe or max(1, nlist // 16, min(nlist // 4, math.ceil(25_000 / list_size)))
            # many lists: find the nearest ones with a small HNSW graph instead of a flat scan
            coarse = "_HNSW32" if nlist >= 1024 else ""
            codes = "SQ8" if ivf_storage == "sq8" else "Flat"
            ivf = faiss.index_factory(
                dim, f"IVF{nlist}{coarse},{codes}", faiss.METRIC_INNER_PRODUCT
            )
            ivf.cp.niter = 10  # k-means iterations: plenty for coarse lists, 2.5x faster
            ivf.nprobe = nprobe
            # sq8: the refine index keeps the float32 vectors and re-ranks exactly
            index = faiss.IndexRefineFlat(ivf) if ivf_storage == "sq8" else ivf
            rng = np.random.default_rng(seed)
            sample = min(n, 40 * nlist)
            train = vectors if sample == n else vectors[rng.choice(n, sample, replace=False)]
            index.train(train)
            params |= {"nlist": nlist, "nprobe": nprobe, "storage": ivf_storage}
            if ivf_storage == "sq8":
                params["rerank"] = rerank
        if n:
            index.add(vectors)
        built = cls(index, list(ids), model, dim, content_hash, index_type, params)
        built._prepare()
        return built

    @property
    def refined(self) -> bool:
        """True for IVF-SQ8 wrapped in IndexRefineFlat (float32 vectors kept beside the codes)."""
        return self.index_type == "ivf" and self.params.get("storage", "flat") == "sq8"

    def _ivf(self) -> Any:
        """The IVF index itself (inside the refine wrapper for "sq8" storage)."""
        faiss = _faiss()
        return faiss.downcast_index(self.index.base_index) if self.refined else self.index

    def _prepare(self) -> None:
        """Make rows reconstructible (IVFFlat keeps no contiguous copy of the vectors; the
        refine index of "sq8" does) and let an HNSW coarse quantizer explore enough lists."""
        if self.index_type == "ivf":
            if not self.refined:
                self.index.make_direct_map()
            self._tune_quantizer()

    def _tune_quantizer(self) -> None:
        faiss = _faiss()
        quantizer = faiss.downcast_index(self._ivf().quantizer)
        if hasattr(quantizer, "hnsw"):
            quantizer.hnsw.efSearch = max(128, 2 * self.params["nprobe"])

    def __len__(self) -> int:
        return len(self.ids)

    def vectors(self) -> np.ndarray | None:
        """A read-only (n, dim) view of the stored vectors (no copy); None for IVFFlat, whose
        vectors live in inverted lists (use `reconstruct`)."""
        faiss = _faiss()
        import numpy as np

        if self.refined:
            flat = faiss.downcast_index(self.index.refine_index)
        elif self.index_type == "ivf":
            return None
        elif self.index_type == "flat":
            flat = self.index
        else:
            flat = faiss.downcast_index(self.index.storage)
        n = flat.ntotal
        if n == 0:
            return np.zeros((0, self.dimension), dtype=np.float32)
        view = faiss.rev_swig_ptr(flat.get_xb(), n * self.dimension).reshape(n, self.dimension)
        view.flags.writeable = False
        return view

    def reconstruct(self, rows: np.ndarray) -> np.ndarray:
        """Vectors of the given rows, shape (len(rows), dim)."""
        import numpy as np

        rows = np.asarray(rows, dtype=np.int64)
        view = self.vectors()
        if view is not None:
            return np.asarray(view[rows])
        if not len(rows):
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(self.index.reconstruct_batch(rows), dtype=np.float32)

    def search(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k inner-product search.

        Args:
            queries: (q, dim) float32 unit vectors.
            k: number of neighbours (> 0).
            allowed: optional boolean mask of length len(self); rows outside it are never
                returned. When it allows at most `exact_subset_max` rows the search is exact
                whatever the index type (selective filters defeat ANN recall otherwise).

        Returns:
            (scores, rows): two (q, k) arrays; rows are -1 (and scores -inf) where fewer than k
            results exist.
        """
        faiss = _faiss()
        import numpy as np

        if k <= 0:
            raise ValueError(f"k must be > 0, got {k}")
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if queries.ndim != 2 or queries.shape[1] != self.dimension:
            raise ValueError(f"queries must have shape (q, {self.dimension}), got {queries.shape}")
        q, n = queries.shape[0], len(self)

        def empty() -> tuple[np.ndarray, np.ndarray]:
            return np.full((q, k), -np.inf, dtype=np.float32), np.full((q, k), -1, dtype=np.int64)

        if n == 0:
            return empty()
        params: Any = None
        if allowed is not None:
            if allowed.shape != (n,):
                raise ValueError(f"allowed mask must have shape ({n},), got {allowed.shape}")
            n_allowed = int(np.count_nonzero(allowed))
            if n_allowed == 0:
                return empty()
            bound = DEFAULT_EXACT_SUBSET_MAX.get(self.index_type, 0)
            exact = n_allowed <= self.params.get("exact_subset_max", bound)
            if n_allowed < n:
                if exact and self.index_type in ("hnsw", "ivf"):
                    return self._exact_subset(queries, k, np.flatnonzero(allowed))
                bitmap = np.packbits(allowed, bitorder="little")
                selector = faiss.IDSelectorBitmap(n, faiss.swig_ptr(bitmap))
                params = self._params(k, selector=selector)
                params._keep = (bitmap, selector)  # alive during the call
        if params is None:
            params = self._params(k)
        scores, rows = self.index.search(queries, k, params=params)
        scores = np.where(rows < 0, -np.inf, scores).astype(np.float32)
        return scores, rows.astype(np.int64)

    def _params(self, k: int, selector: Any = None) -> Any:
        faiss = _faiss()
        kwargs: dict[str, Any] = {} if selector is None else {"sel": selector}
        if self.index_type == "hnsw":
            return faiss.SearchParametersHNSW(efSearch=max(self.params["ef_search"], k), **kwargs)
        if self.index_type == "ivf":
            ivf = faiss.SearchParametersIVF(nprobe=self.params["nprobe"], **kwargs)
            if not self.refined:
                return ivf
            # the IVF proposes max(k, rerank) candidates from its codes; the float32 vectors
            # of the refine index order them exactly
            factor = max(1.0, self.params.get("rerank", DEFAULT_RERANK) / k)
            params = faiss.IndexRefineSearchParameters(k_factor=factor, base_index_params=ivf)
            params._keep_ivf = ivf
            return params
        return faiss.SearchParameters(**kwargs) if kwargs else None

    def _exact_subset(
        self, queries: np.ndarray, k: int, rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        sims = queries @ self.reconstruct(rows).T  # (q, len(rows))
        take = min(k, len(rows))
        top = np.argpartition(-sims, take - 1, axis=1)[:, :take]
        order = np.argsort(-np.take_along_axis(sims, top, axis=1), axis=1, kind="stable")
        top = np.take_along_axis(top, order, axis=1)
        scores = np.full((len(queries), k), -np.inf, dtype=np.float32)
        out = np.full((len(queries), k), -1, dtype=np.int64)
        scores[:, :take] = np.take_along_axis(sims, top, axis=1)
        out[:, :take] = rows[top]
        return scores, out

    def set_search_params(self, *, nprobe: int | None = None, ef_search: int | None = None) -> None:
        """Change query-time accuracy/speed (benchmarks sweep these)."""
        if nprobe is not None:
            if self.index_type != "ivf":
                raise ValueError("nprobe applies to IVF indexes only")
            self.params["nprobe"] = nprobe
            self._tune_quantizer()
        if ef_search is not None:
            if self.index_type != "hnsw":
                raise ValueError("ef_search applies to HNSW indexes only")
            self.params["ef_search"] = ef_search

    def manifest(self) -> dict[str, Any]:
        """The manifest as a JSON-serialisable dict."""
        return {
            "format": FORMAT_VERSION,
            "model": self.model,
            "dimension": self.dimension,
            "content_hash": self.content_hash,
            "index_type": self.index_type,
            "count": len(self.ids),
            "params": self.params,
            "ids": self.ids,
        }

    def save(self, directory: Path | str) -> Path:
        """Write vectors.faiss and manifest.json into directory (created if needed).

        Files are written to temporary names and renamed, so a reader never sees a manifest
        that does not belong to the vectors beside it. Returns the directory.
        """
        faiss = _faiss()

        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_vectors = tempfile.mkstemp(dir=directory, prefix=".vectors-", suffix=".tmp")
        os.close(fd)
        faiss.write_index(self.index, tmp_vectors)
        fd, tmp_manifest = tempfile.mkstemp(dir=directory, prefix=".manifest-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.manifest(), fh, indent=1)
        os.replace(tmp_vectors, directory / VECTORS)
        os.replace(tmp_manifest, directory / MANIFEST)
        return directory

    @classmethod
    def load(cls, directory: Path | str) -> VectorIndex:
        """Load an index saved by `save`; IndexLoadError when files are missing or inconsistent."""
        faiss = _faiss()

        directory = Path(directory)
        manifest = read_manifest(directory)
        if manifest is None:
            raise IndexLoadError(f"No readable {MANIFEST} in {directory}")
        if not (directory / VECTORS).is_file():
            raise IndexLoadError(f"{VECTORS} missing in {directory}")
        index = faiss.read_index(str(directory / VECTORS))
        ids = list(manifest["ids"])
        if index.ntotal != len(ids) or index.d != manifest["dimension"]:
            raise IndexLoadError(
                f"{directory}: index holds {index.ntotal} vectors of dim {index.d}, manifest "
                f"says {len(ids)} of dim {manifest['dimension']}"
            )
        loaded = cls(
            index=index,
            ids=ids,
            model=manifest["model"],
            dimension=int(manifest["dimension"]),
            content_hash=manifest["content_hash"],
            index_type=manifest.get("index_type", "flat"),
            params=dict(manifest.get("params") or {}),
        )
        loaded._prepare()
        return loaded

    @staticmethod
    def is_current(directory: Path | str, model: str, content_hash: str) -> bool:
        """True when directory holds an index built from this model and content hash."""
        manifest = read_manifest(Path(directory))
        return (
            manifest is not None
            and manifest.get("format") == FORMAT_VERSION
            and manifest.get("model") == model
            and manifest.get("content_hash") == content_hash
            and (Path(directory) / VECTORS).is_file()
        )


def _faiss() -> Any:
    """Import faiss lazily (typed as Any: its stubs miss the search-parameter classes)."""
    import importlib

    return importlib.import_module("faiss")


def read_manifest(directory: Path) -> dict[str, Any] | None:
    """Return the parsed manifest.json of directory, or None if absent or unreadable."""
    path = directory / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
