"""Rasa component: pretrained all-MiniLM-L6-v2 dense features for DIET (TEXT attribute).

Adds, next to the sparse featurizers' features:

- SENTENCE features: (1, 384) float32, the sentence-transformers vector of the message
  (mean pooling over wordpieces, L2-normalised);
- SEQUENCE features: (n_tokens, 384) float32, one row per token of the pipeline's tokenizer:
  the mean of the hidden states of the wordpieces whose character offsets overlap the token;
  zeros for a token without a wordpiece (past the 256-wordpiece truncation).

The encoder runs through onnxruntime (:mod:`nlu.encoder`) from a prepared encoder directory
(``python -m nlu.encoder_build`` in the app env; ``make train`` does it). Config
``encoder_dir`` (default None: env PMN_ENCODER_DIR, else var/encoder of this checkout) names
the directory or its root. Only the encoder hash is persisted in the model (not the 90 MB
graph): loading a trained model looks for ``<root>/<hash[:16]>`` and refuses another encoder.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.encoder import (
    EncoderMismatchError,
    EncoderNotFoundError,
    read_manifest,
    resolve_encoder_dir,
    shared_encoder,
    span_vectors,
)

logger = logging.getLogger(__name__)

RESOURCE_FILE = "encoder.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense SEQUENCE and SENTENCE features for TEXT from all-MiniLM-L6-v2 (onnxruntime)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["onnxruntime", "tokenizers"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            # Encoder directory, or a root of them (var/encoder); None: env PMN_ENCODER_DIR,
            # else var/encoder of this checkout.
            "encoder_dir": None,
            # Texts per onnxruntime call while featurizing the training data.
            "batch_size": 32,
            # onnxruntime intra-op threads; None: env PMN_ENCODER_THREADS, else its default.
            "threads": None,
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if int(config.get("batch_size") or 0) <= 0:
            raise ValueError(
                f"SentenceEmbeddingFeaturizer: batch_size must be > 0, got "
                f"{config.get('batch_size')!r}"
            )
        threads = config.get("threads")
        if threads is not None and int(threads) <= 0:
            raise ValueError(f"SentenceEmbeddingFeaturizer: threads must be > 0, got {threads!r}")

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
        expected_hash: str | None = None,
    ) -> None:
        config = {**self.get_default_config(), **config}
        super().__init__(name, config)
        self._model_storage = model_storage
        self._resource = resource
        try:
            directory = resolve_encoder_dir(config["encoder_dir"], expected_hash)
        except (EncoderNotFoundError, EncoderMismatchError) as err:
            raise type(err)(f"SentenceEmbeddingFeaturizer: {err}") from err
        threads = int(config["threads"]) if config["threads"] is not None else None
        self.encoder = shared_encoder(directory, threads=threads)
        self._batch_size = int(config["batch_size"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        """A featurizer on the configured (or current) encoder; raises when none is prepared."""
        return cls(config, execution_context.node_name, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceEmbeddingFeaturizer:
        """The featurizer of a trained model, on the encoder it was trained with.

        Raises EncoderNotFoundError / EncoderMismatchError (naming `make train`) when that
        encoder is not prepared here or another one is configured."""
        try:
            with model_storage.read_from(resource) as model_dir:
                recorded = read_manifest_hash(model_dir / RESOURCE_FILE)
        except ValueError as err:  # the resource was never persisted
            raise EncoderMismatchError(
                f"SentenceEmbeddingFeaturizer: the model does not record its encoder ({err}); "
                "retrain it with `make train`"
            ) from err
        featurizer = cls(config, execution_context.node_name, model_storage, resource, recorded)
        featurizer.encoder._load()  # verify the files and warm the session before serving
        return featurizer

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The encoder hash, so Rasa's training cache never reuses features of another one."""
        try:
            return str(
                read_manifest(resolve_encoder_dir(config.get("encoder_dir")))["encoder_hash"]
            )
        except (EncoderNotFoundError, ValueError, OSError):
            return None

    def train(self, training_data: TrainingData) -> Resource:
        """Records which encoder the model is trained with (nothing is learned)."""
        import json

        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / RESOURCE_FILE).write_text(
                json.dumps(
                    {
                        "encoder_hash": self.encoder.hash,
                        "model_name": self.encoder.manifest.get("model_name"),
                        "dimension": self.encoder.dimension,
                    }
                ),
                encoding="utf-8",
            )
        return self._resource

    def _featurize(self, messages: list[Message]) -> None:
        todo = [m for m in messages if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT])]
        if not todo:
            return
        embeddings = self.encoder.embed([m.get(TEXT) for m in todo], self._batch_size)
        for message, emb in zip(todo, embeddings, strict=True):
            tokens = message.get(TOKENS_NAMES[TEXT])
            sequence = span_vectors(emb, [(t.start, t.end) for t in tokens])
            sentence = emb.sentence.reshape(1, -1).astype(np.float32)
            self.add_features_to_message(sequence, sentence, TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes all training examples in batches; returns the same training data."""
        self._featurize(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Featurizes each message; returns the same messages."""
        for message in messages:
            self._featurize([message])
        return messages


def read_manifest_hash(path: Any) -> str:
    """The encoder hash recorded in a trained model's resource; clear error when absent."""
    import json

    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))["encoder_hash"]
    except (OSError, KeyError, json.JSONDecodeError) as err:
        raise EncoderMismatchError(
            f"SentenceEmbeddingFeaturizer: the model does not record its encoder ({path}); "
            "retrain it with `make train`"
        ) from err
    return str(recorded)
