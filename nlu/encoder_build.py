"""Prepare the self-contained encoder directory the Rasa featurizer loads (APP env only).

``python -m nlu.encoder_build [--root var/encoder]`` prints {"dir", "hash"} as JSON on stdout.

The engine env has neither torch nor the packaged model, so this step runs in the app env
before Rasa trains (``scripts/stack.py ensure_encoder()``, called by ``make train``/``run``/
``test``): it reuses ``retrieval.onnx_embedder.ensure_onnx_model()`` (the offline ONNX export
cached in var/onnx/<model-hash>/) and writes ``<root>/<encoder_hash[:16]>/`` with

- model.onnx: a hard link to the cached export (a copy when linking is impossible),
- tokenizer.json: copied from the model directory,
- manifest.json: {"format", "encoder_hash", "model_name", "onnx_model_hash", "dimension",
  "max_seq_length", "settings": {"max_seq_length", "pooling", "normalize"}, "files"},

then points ``<root>/CURRENT`` at it. Idempotent: an existing complete directory with the same
hash is reused. Written to a temporary directory and renamed, so readers never see half of it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from nlu.encoder import (
    CURRENT,
    DEFAULT_ENCODER_ROOT,
    FORMAT,
    MANIFEST,
    EncoderNotFoundError,
    encoder_hash,
    file_sha256,
    read_manifest,
)


def _link_or_copy(src: Path, dst: Path) -> str:
    try:
        os.link(src, dst)
        return "hardlink"
    except OSError:
        shutil.copy2(src, dst)
        return "copy"


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def prepare_encoder(root: Path | None = None, model_dir: Path | None = None) -> tuple[Path, str]:
    """Prepare (or reuse) the encoder directory; returns (directory, encoder hash hex).

    ``model_dir``: a sentence-transformers directory (default: the packaged all-MiniLM-L6-v2).
    Raises RuntimeError when the model uses a pooling the encoder does not reproduce.
    """
    from retrieval.embedder import DEFAULT_MODEL_NAME, default_model_path
    from retrieval.onnx_embedder import ensure_onnx_model, model_hash, read_st_config

    root = Path(root or DEFAULT_ENCODER_ROOT)
    model_dir = Path(model_dir or default_model_path())
    st = read_st_config(model_dir)
    settings = {
        "max_seq_length": int(st["max_seq_length"]),
        "pooling": st["pooling"],
        "normalize": bool(st["normalize"]),
    }
    onnx_path = ensure_onnx_model(model_dir)
    onnx_sha = file_sha256(onnx_path)
    tok_path = model_dir / "tokenizer.json"
    tok_sha = file_sha256(tok_path)
    digest = encoder_hash(onnx_sha, tok_sha, settings)
    target = root / digest[:16]
    try:
        if read_manifest(target)["encoder_hash"] == digest:
            _write_atomic(root / CURRENT, target.name + "\n")
            return target, digest
    except (EncoderNotFoundError, ValueError):
        pass
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{digest[:16]}-", dir=root))
    tmp.chmod(0o755)
    how = _link_or_copy(onnx_path, tmp / "model.onnx")
    shutil.copy2(tok_path, tmp / "tokenizer.json")
    config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "encoder_hash": digest,
        "model_name": DEFAULT_MODEL_NAME if model_dir.name == "model" else model_dir.name,
        "onnx_model_hash": model_hash(model_dir),
        "dimension": int(config["hidden_size"]),
        "max_seq_length": settings["max_seq_length"],
        "settings": settings,
        "files": {
            "model.onnx": {"sha256": onnx_sha, "bytes": onnx_path.stat().st_size, "from": how},
            "tokenizer.json": {"sha256": tok_sha, "bytes": tok_path.stat().st_size},
        },
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    if target.exists():  # an incomplete or stale directory of the same name
        shutil.rmtree(target)
    os.replace(tmp, target)
    _write_atomic(root / CURRENT, target.name + "\n")
    return target, digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Prepare the NLU encoder directory (app env)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ENCODER_ROOT)
    parser.add_argument("--model-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    directory, digest = prepare_encoder(args.root, args.model_dir)
    json.dump({"dir": str(directory), "hash": digest}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
