"""Contract tests for SentenceEmbeddingFeaturizer, built from config dicts without training.

Engine env (``make test-engine``). Uses the real encoder directory, prepared by the app env
through ``scripts.stack.ensure_encoder()`` (what ``make train`` runs); a second's work when it
already exists.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("rasa", reason="Rasa components run in the engine env (.venv-engine)")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.nlu.constants import TOKENS_NAMES  # noqa: E402
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer  # noqa: E402
from rasa.shared.nlu.constants import (  # noqa: E402
    ENTITIES,
    FEATURE_TYPE_SENTENCE,
    FEATURE_TYPE_SEQUENCE,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from nlu.components.sentence_featurizer import SentenceEmbeddingFeaturizer  # noqa: E402
from nlu.encoder import (  # noqa: E402
    ENCODER_DIR_ENV,
    Encoder,
    EncoderMismatchError,
    EncoderNotFoundError,
)
from scripts.stack import ensure_encoder  # noqa: E402

DIM = 384


@pytest.fixture(scope="module")
def encoder_dir() -> Path:
    return ensure_encoder(quiet=True)[0]


@pytest.fixture(scope="module")
def encoder(encoder_dir: Path) -> Encoder:
    return Encoder(encoder_dir)


def _context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test", node_name="sentence_featurizer_node")


def _create(config: dict[str, Any], tmp_path: Path) -> SentenceEmbeddingFeaturizer:
    cls = SentenceEmbeddingFeaturizer
    return cls.create(
        {**cls.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource("sentence_featurizer"),
        _context(),
    )


def _message(text: str, **data: Any) -> Message:
    message = Message(data={TEXT: text, **data})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    return message


def _dense(message: Message) -> tuple[np.ndarray, np.ndarray]:
    seq, sent = message.get_dense_features(TEXT, featurizers=["sentence_featurizer_node"])
    assert seq is not None and sent is not None
    return seq.features, sent.features


SAMPLE = "My mum has EGFR ex19del lung cancer, any support groups in Spain?"


def test_adds_sequence_and_sentence_features_and_removes_nothing(
    encoder_dir: Path, encoder: Encoder, tmp_path: Path
) -> None:
    featurizer = _create({"encoder_dir": str(encoder_dir)}, tmp_path)
    entity = {"entity": "country", "start": 59, "end": 64, "value": "ES", "extractor": "X"}
    earlier = Features(np.ones((1, 3)), FEATURE_TYPE_SENTENCE, TEXT, "Other")
    message = _message(SAMPLE, **{ENTITIES: [entity]})
    message.add_features(earlier)
    tokens = message.get(TOKENS_NAMES[TEXT])

    assert featurizer.process([message]) == [message]

    assert message.get(TEXT) == SAMPLE
    assert message.get(ENTITIES) == [entity]
    assert message.get(TOKENS_NAMES[TEXT]) == tokens
    mine = [f for f in message.features if f.origin == "sentence_featurizer_node"]
    assert {(f.type, f.attribute) for f in mine} == {
        (FEATURE_TYPE_SEQUENCE, TEXT),
        (FEATURE_TYPE_SENTENCE, TEXT),
    }
    assert earlier in message.features
    seq, sent = _dense(message)
    assert seq.shape == (len(tokens), DIM) and seq.dtype == np.float32
    assert sent.shape == (1, DIM) and sent.dtype == np.float32
    # SENTENCE: the sentence-transformers vector (unit norm), same as the encoder gives alone.
    np.testing.assert_allclose(sent[0], encoder.encode([SAMPLE])[0], atol=1e-5)
    assert abs(float(np.linalg.norm(sent)) - 1.0) < 1e-5
    # SEQUENCE: every token has wordpieces here, so no zero rows; a token split into several
    # wordpieces gets their mean.
    assert np.all(np.abs(seq).sum(axis=1) > 0)
    emb = encoder.embed([SAMPLE])[0]
    egfr = next(i for i, t in enumerate(tokens) if t.text == "EGFR")
    start, end = tokens[egfr].start, tokens[egfr].end
    inside = (emb.offsets[:, 0] >= start) & (emb.offsets[:, 1] <= end)
    assert inside.sum() >= 2  # "EGFR" is not one wordpiece in MiniLM's vocabulary
    np.testing.assert_allclose(seq[egfr], emb.tokens[inside].mean(axis=0), atol=1e-5)


def test_tokens_past_the_truncation_limit_get_zero_vectors(
    encoder_dir: Path, tmp_path: Path
) -> None:
    featurizer = _create({"encoder_dir": str(encoder_dir)}, tmp_path)
    message = _message(" ".join(["cancer"] * 300))
    featurizer.process([message])
    seq, sent = _dense(message)
    assert seq.shape == (300, DIM)
    nonzero = np.abs(seq).sum(axis=1) > 0
    # 256 wordpieces minus [CLS] and [SEP]; "cancer" is one wordpiece
    assert nonzero[:254].all() and not nonzero[254:].any()
    assert np.isfinite(sent).all()


def test_message_without_text_or_tokens_is_left_alone(encoder_dir: Path, tmp_path: Path) -> None:
    featurizer = _create({"encoder_dir": str(encoder_dir)}, tmp_path)
    empty = Message(data={"intent": "greet"})
    featurizer.process([empty])
    assert empty.features == []


def test_training_data_is_featurized_in_batches_like_single_messages(
    encoder_dir: Path, tmp_path: Path
) -> None:
    featurizer = _create({"encoder_dir": str(encoder_dir), "batch_size": 2}, tmp_path)
    texts = ["hi", "where can I find an ALK support group", "thanks a lot!", "bye", SAMPLE]
    examples = [_message(t, intent="x") for t in texts]
    featurizer.process_training_data(TrainingData(examples))
    for text, example in zip(texts, examples, strict=True):
        single = _message(text)
        featurizer.process([single])
        for batched, alone in zip(_dense(example), _dense(single), strict=True):
            np.testing.assert_allclose(batched, alone, atol=1e-5)


def test_missing_encoder_names_the_make_target(tmp_path: Path) -> None:
    with pytest.raises(EncoderNotFoundError, match="make train"):
        _create({"encoder_dir": str(tmp_path / "no-encoder-here")}, tmp_path)


def test_invalid_config_is_rejected(encoder_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        _create({"encoder_dir": str(encoder_dir), "batch_size": 0}, tmp_path)


def _fake_encoder(encoder_dir: Path, target: Path, new_hash: str) -> Path:
    """A copy of the encoder directory (hard links) whose manifest names another hash."""
    target.mkdir()
    for name in ("model.onnx", "tokenizer.json"):
        os.link(encoder_dir / name, target / name)
    manifest = json.loads((encoder_dir / "manifest.json").read_text())
    manifest["encoder_hash"] = new_hash
    (target / "manifest.json").write_text(json.dumps(manifest))
    return target


def test_trained_model_loads_only_with_its_encoder(
    encoder_dir: Path, encoder: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "storage").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "storage"), Resource("sentence_featurizer")
    cls = SentenceEmbeddingFeaturizer
    config = {**cls.get_default_config(), "encoder_dir": str(encoder_dir)}
    trained = cls.create(config, storage, resource, _context())
    assert trained.train(TrainingData([_message("hello", intent="greet")])) == resource

    loaded = cls.load(config, storage, resource, _context())
    assert loaded.encoder.hash == encoder.hash

    # The root form (var/encoder) finds the recorded <hash[:16]> directory.
    monkeypatch.setenv(ENCODER_DIR_ENV, str(encoder_dir.parent))
    root_config = {**cls.get_default_config(), "encoder_dir": None}
    assert cls.load(root_config, storage, resource, _context()).encoder.directory == encoder_dir

    other = _fake_encoder(encoder_dir, tmp_path / "other", "f" * 64)
    monkeypatch.setenv(ENCODER_DIR_ENV, str(other))
    with pytest.raises(EncoderMismatchError, match="make train"):
        cls.load(root_config, storage, resource, _context())
    # A root without the recorded encoder: not found, with the make target.
    monkeypatch.setenv(ENCODER_DIR_ENV, str(tmp_path / "empty-root"))
    with pytest.raises(EncoderNotFoundError, match="make train"):
        cls.load(root_config, storage, resource, _context())
    # A model without the recorded resource is refused too.
    with pytest.raises(EncoderMismatchError, match="make train"):
        cls.load(config, storage, Resource("never_trained"), _context())


def test_tampered_encoder_files_are_refused(encoder_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "tampered"
    target.mkdir()
    os.link(encoder_dir / "model.onnx", target / "model.onnx")
    (target / "tokenizer.json").write_text(
        (encoder_dir / "tokenizer.json").read_text().replace('"[UNK]"', '"[UNKNOWN]"', 1)
    )
    (target / "manifest.json").write_text((encoder_dir / "manifest.json").read_text())
    featurizer = _create({"encoder_dir": str(target)}, tmp_path)
    with pytest.raises(EncoderMismatchError, match="do not match its manifest"):
        featurizer.process([_message("hello")])


def test_fingerprint_changes_with_the_encoder(encoder_dir: Path, tmp_path: Path) -> None:
    cls = SentenceEmbeddingFeaturizer
    real = cls.fingerprint_addon({"encoder_dir": str(encoder_dir)})
    other = _fake_encoder(encoder_dir, tmp_path / "other", "e" * 64)
    assert real is not None and real != cls.fingerprint_addon({"encoder_dir": str(other)})


def test_featurizer_and_triage_layer_share_one_encoder(encoder_dir: Path, tmp_path: Path) -> None:
    """Rasa's featurizer and the SafetyTriage learned layer load one ONNX session, not two."""
    from nlu.triage_model import from_encoder_dir

    featurizer = _create({"encoder_dir": str(encoder_dir)}, tmp_path)
    layer = from_encoder_dir(encoder_dir)
    assert layer.encode.__self__ is featurizer.encoder
    # a different thread setting is a different session
    assert _create({"encoder_dir": str(encoder_dir), "threads": 1}, tmp_path).encoder is not (
        featurizer.encoder
    )
