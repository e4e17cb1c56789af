"""Labelled red-flag data for training and cross-validating the triage classifier.

The labelled sets below (each already had its one honest first run, eval/nlu/first_runs.md)
plus the semantic bank (nlu/triage_bank.yml) and the Rasa NLU examples (assistant/data/nlu:
crisis / emergency / medical_advice intents as positives, every other intent as "none").

Only the files named in ``SETS`` are ever read: a set being written for a later blind run is not
listed here and must not be added before its first run.

Vectors are cached per encoder hash in var/triage-vectors/<hash16>.npz (text -> MiniLM vector),
so the leave-one-set-out evaluation encodes each text once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from eval.nlu.metrics import negative_text
from nlu.triage_model import split_units

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
# (short name, file) in the order the sets were written.
SETS: tuple[tuple[str, str], ...] = (
    ("dev", "triage.yml"),
    ("holdout", "triage_holdout.yml"),
    ("unseen", "triage_unseen.yml"),
    ("blind_a", "triage_blind_a.yml"),
    ("blind_b", "triage_blind_b.yml"),
    ("blind_c", "triage_blind_c.yml"),
    ("blind_d", "triage_blind_d.yml"),
    ("blind_e", "triage_blind_e.yml"),
    ("blind_f", "triage_blind_f.yml"),
    ("blind_g", "triage_blind_g.yml"),
    ("blind_h", "triage_blind_h.yml"),
    ("blind_i", "triage_blind_i.yml"),
    ("blind_j", "triage_blind_j.yml"),
    ("blind_k", "triage_blind_k.yml"),
    ("blind_l", "triage_blind_l.yml"),
    ("blind_m", "triage_blind_m.yml"),
    ("blind_n", "triage_blind_n.yml"),
    ("blind_o", "triage_blind_o.yml"),
    ("blind_p", "triage_blind_p.yml"),
    ("blind_q", "triage_blind_q.yml"),
    ("blind_r", "triage_blind_r.yml"),
    ("blind_s", "triage_blind_s.yml"),
    ("blind_t", "triage_blind_t.yml"),
    ("blind_u", "triage_blind_u.yml"),
    ("blind_v", "triage_blind_v.yml"),
    ("blind_w", "triage_blind_w.yml"),
    ("blind_x", "triage_blind_x.yml"),
    ("blind_y", "triage_blind_y.yml"),
    ("blind_z", "triage_blind_z.yml"),
)
# The next blind set: refused by ``load_set`` until its one first run (eval/nlu/first_runs.md).
# AA is written by helper-8 of the 2026-12-07 night session under eval/nlu/blind_brief.md,
# reading nothing under /work or elsewhere in /tmp (230 positives, 500 negatives; structure
# checked only; sha256 9ab47cb6...0aa85).
NEXT_BLIND = "triage_blind_aa.yml"
# the blind sets kept for later first runs; refused like NEXT_BLIND
RESERVED_BLIND = (NEXT_BLIND,)
RASA_NLU = ROOT / "assistant" / "data" / "nlu"
RED_FLAG_INTENTS = ("crisis", "emergency", "medical_advice")
CACHE_DIR = ROOT / "var" / "triage-vectors"


@dataclass(frozen=True)
class Item:
    """One labelled message: label "none" for negatives; explicit None when not given."""

    text: str
    label: str
    explicit: bool | None
    source: str  # set short name, "bank" or "rasa"


def norm_key(text: str) -> str:
    """Key for de-duplication across sources (case, spacing and end punctuation ignored)."""
    return " ".join(text.lower().split()).rstrip("?!. ")


def load_set(filename: str, source: str) -> list[Item]:
    if filename in RESERVED_BLIND:  # belt and braces: the next blind sets are never read here
        raise ValueError(f"{filename} is reserved for its first blind run")
    data = yaml.safe_load((HERE / filename).read_text(encoding="utf-8"))
    items = [
        Item(str(p["text"]), str(p["category"]), bool(p.get("explicit")), source)
        for p in data["positives"]
    ]
    items += [Item(negative_text(t), "none", None, source) for t in data["negatives"]]
    return items


def load_sets() -> dict[str, list[Item]]:
    """{short name: items} for the labelled sets in ``SETS``."""
    return {name: load_set(filename, name) for name, filename in SETS}


def load_bank() -> list[Item]:
    from nlu.triage_semantic import load_bank as _load

    bank = _load()
    items = [
        Item(str(p["text"]), str(p["category"]), bool(p.get("explicit")), "bank")
        for p in bank["positives"]
    ]
    items += [
        Item(str(n["text"] if isinstance(n, dict) else n), "none", None, "bank")
        for n in bank["negatives"]
    ]
    return items


LIVENESS = HERE / "triage_liveness.yml"


def load_liveness(path: Path = LIVENESS) -> list[Item]:
    """Training data of the liveness head only (never scored): ``not_live`` messages that use
    red-flag words of no one at risk now (label "none") and hard ``live`` ones."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [Item(str(n["text"]), "none", None, "liveness") for n in data["not_live"]]
    items += [
        Item(str(p["text"]), str(p["category"]), bool(p.get("explicit")), "liveness")
        for p in data["live"]
    ]
    return items


def load_rasa() -> list[Item]:
    """Rasa NLU examples: red-flag intents keep their name, every other intent is "none"."""
    items: list[Item] = []
    for path in sorted(RASA_NLU.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in doc.get("nlu") or []:
            intent = block.get("intent")
            if not intent:
                continue
            label = intent if intent in RED_FLAG_INTENTS else "none"
            for line in str(block.get("examples") or "").splitlines():
                line = line.strip()
                if line.startswith("- "):
                    items.append(Item(_strip_entities(line[2:]), label, None, "rasa"))
    return items


def _strip_entities(text: str) -> str:
    """'[EGFR](biomarker)' -> 'EGFR' (Rasa's inline entity annotation)."""
    import re

    pattern = r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}"
    return re.sub(pattern, lambda m: m.group(1) or m.group(2), text)


class VectorCache:
    """text -> unit vector, computed by ``encode`` once and kept on disk per encoder hash."""

    def __init__(self, encode: Any, encoder_hash: str, directory: Path = CACHE_DIR) -> None:
        self.encode = encode
        self.path = Path(directory) / f"{encoder_hash[:16]}.npz"
        self._vecs: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            for key, vec in zip(data["keys"].tolist(), data["vecs"], strict=True):
                self._vecs[key] = vec
        self._dirty = False

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def __call__(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._vecs}
        if todo:
            vecs = np.asarray(self.encode(list(todo.values())), dtype=np.float32)
            for key, vec in zip(todo, vecs, strict=True):
                self._vecs[key] = vec
            self._dirty = True
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._vecs[k] for k in keys])

    def save(self) -> None:
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._vecs)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.asarray(keys), vecs=np.stack([self._vecs[k] for k in keys]))
        tmp.replace(self.path)
        self._dirty = False


def prepared_encoder() -> tuple[Any, str]:
    """(encode function, encoder hash) of the prepared MiniLM encoder (var/encoder)."""
    from nlu.encoder import Encoder, resolve_encoder_dir

    encoder = Encoder(resolve_encoder_dir(None))
    return encoder.encode, encoder.hash


def all_units(items: list[Item]) -> list[str]:
    """Every text and every sentence unit of the items (what the classifier scores)."""
    out: list[str] = []
    for item in items:
        out.extend(split_units(item.text))
    return out
