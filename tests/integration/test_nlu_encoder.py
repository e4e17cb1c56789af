"""nlu.encoder (the Rasa featurizer's onnxruntime MiniLM) gives retrieval.embedder's vectors.

Real model, app env: prepares var/encoder with ``nlu.encoder_build`` (as ``make train`` does;
exports the ONNX graph into var/onnx first when it is not cached) and compares with the
sentence-transformers ``Embedder``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("onnxruntime")
pytest.importorskip("sentence_transformers")

SENTENCES = [
    "hi",
    "Where can I find an ALK positive support group in the UK?",
    "my mum has EGFR ex19del nsclc, any comunity for carers??",
    "KRAS G12C trials near Manchester",
    "what do HER2-low and HER2-positive mean",
    "I'm a clinical nurse specialist looking for ESMO guidelines on ROS1",
    "Überweisung zum Onkologen, naïve café question",
    "ok",
    "thanks, that was really helpful :)",
    "can you book me a table for two tonight",
    "Do you store what I type? Please delete my data.",
    " ".join(["biomarker testing"] * 200),  # past the 256-wordpiece limit
]


@pytest.fixture(scope="module")
def encoder_dir() -> Path:
    from nlu.encoder_build import prepare_encoder

    return prepare_encoder()[0]


def test_sentence_vectors_equal_sentence_transformers(encoder_dir: Path) -> None:
    from nlu.encoder import Encoder
    from retrieval.embedder import Embedder

    ours = Encoder(encoder_dir).encode(SENTENCES, batch_size=5)
    reference = Embedder().encode(SENTENCES)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert ours.dtype == np.float32
    np.testing.assert_allclose(ours, reference, atol=1e-5, rtol=0)


def test_wordpiece_offsets_point_into_the_text(encoder_dir: Path) -> None:
    from nlu.encoder import Encoder

    embeddings = Encoder(encoder_dir).embed(SENTENCES)
    for text, emb in zip(SENTENCES, embeddings, strict=True):
        assert emb.tokens.shape == (len(emb.offsets), 384)
        assert len(emb.offsets) <= 254  # 256 minus [CLS] and [SEP]
        for start, end in emb.offsets:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]  # no whitespace inside a piece
    egfr = embeddings[2]
    pieces = "".join(SENTENCES[2][s:e] for s, e in egfr.offsets)
    assert pieces == SENTENCES[2].replace(" ", "")


def test_prepare_is_idempotent_and_records_the_hash(encoder_dir: Path) -> None:
    from nlu.encoder import read_manifest, resolve_encoder_dir
    from nlu.encoder_build import prepare_encoder

    again, digest = prepare_encoder()
    assert again == encoder_dir
    assert read_manifest(again)["encoder_hash"] == digest
    assert again.name == digest[:16]
    assert resolve_encoder_dir(again.parent, digest) == again
