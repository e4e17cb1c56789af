"""Build-if-changed steps and process specs shared by `make run` and the test fixtures.

Standard library only, so it runs under either environment. Everything that `make run` does
before starting processes lives here, so the integration tests start the stack exactly as a
person does.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
ENGINE_BIN = ROOT / ".venv-engine" / "bin"
APP_BIN = ROOT / ".venv" / "bin"

# Inputs of a trained Rasa model: any change here means retraining.
MODEL_INPUTS = (
    "assistant/config.yml",
    "assistant/domain",
    "assistant/data",
    "nlu",
    "knowledge/vocab",
    "constraints/engine.txt",
)
_HASHED_SUFFIXES = {".yml", ".yaml", ".py", ".txt", ".json"}


def content_hash(paths: Iterable[str], root: Path = ROOT) -> str:
    """Return a short sha256 over the relative paths and bytes of every input file."""
    digest = hashlib.sha256()
    files: list[Path] = []
    for rel in paths:
        p = root / rel
        if p.is_dir():
            files.extend(
                f
                for f in p.rglob("*")
                if f.is_file() and f.suffix in _HASHED_SUFFIXES and "__pycache__" not in f.parts
            )
        elif p.is_file():
            files.append(p)
    for f in sorted(files):
        digest.update(str(f.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(f.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


@contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


ENCODER_ROOT = VAR / "encoder"
ENCODER_DIR_ENV = "PMN_ENCODER_DIR"


def _read_encoder(directory: Path) -> tuple[Path, str] | None:
    """(directory, encoder hash) when ``directory`` holds a prepared encoder, else None."""
    manifest = directory / "manifest.json"
    if not (manifest.is_file() and (directory / "model.onnx").is_file()):
        return None
    try:
        return directory, str(json.loads(manifest.read_text(encoding="utf-8"))["encoder_hash"])
    except (ValueError, KeyError):
        return None


def ensure_encoder(root: Path | None = None, quiet: bool = False) -> tuple[Path, str]:
    """Prepare the NLU encoder directory if needed; return (directory, encoder hash).

    The Rasa featurizer (nlu/components/sentence_featurizer.py) loads all-MiniLM-L6-v2 from
    ``var/encoder/<hash[:16]>/`` (ONNX graph + tokenizer + manifest). The engine env cannot
    build it (no torch, no packaged model), so the app env does: ``python -m nlu.encoder_build``
    (cheap when it is already there: it hashes the files and returns). Env PMN_ENCODER_DIR set
    to a prepared encoder directory is used as is; set to another path, it is the root.
    """
    configured = os.environ.get(ENCODER_DIR_ENV)
    if root is None and configured:
        found = _read_encoder(Path(configured))
        if found is not None:
            return found
    root = Path(root or configured or ENCODER_ROOT)
    app_python = APP_BIN / "python"
    with _file_lock(VAR / ".encoder.lock"):
        if not app_python.exists():
            pointer = root / "CURRENT"
            found = _read_encoder(root / pointer.read_text().strip()) if pointer.is_file() else None
            if found is None:
                raise RuntimeError(
                    f"No NLU encoder under {root} and no app env to prepare it: run `make setup`"
                    " then `make train` (or `make encoder`)"
                )
            return found
        proc = subprocess.run(
            [str(app_python), "-m", "nlu.encoder_build", "--root", str(root)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"},
        )
        if proc.returncode != 0:
            raise RuntimeError(f"encoder preparation failed: {(proc.stderr or '')[-3000:]}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    if not quiet:
        print(f"encoder ready: {result['dir']}", flush=True)
    return Path(result["dir"]), str(result["hash"])


def model_hash(encoder_hash: str, root: Path = ROOT) -> str:
    """Short sha256 over the model inputs (MODEL_INPUTS) and the encoder hash."""
    digest = hashlib.sha256(content_hash(MODEL_INPUTS, root).encode())
    digest.update(b"\0encoder:" + encoder_hash.encode())
    return digest.hexdigest()[:16]


def model_path(models_dir: Path | None = None, encoder_hash: str | None = None) -> Path:
    """Path of the trained model for the current inputs (may not exist yet).

    Without ``encoder_hash`` the encoder is prepared first (see ensure_encoder)."""
    models_dir = models_dir or VAR / "models"
    if encoder_hash is None:
        encoder_hash = ensure_encoder(quiet=True)[1]
    return models_dir / f"pmn-{model_hash(encoder_hash)}.tar.gz"


def ensure_model(models_dir: Path | None = None, quiet: bool = False) -> Path:
    """Train the Rasa model only when its inputs or the encoder changed; return its path."""
    encoder_dir, encoder_hash = ensure_encoder(quiet=quiet)
    target = model_path(models_dir, encoder_hash)
    with _file_lock(target.parent / ".train.lock"):
        if target.exists():
            if not quiet:
                print(f"model up to date: {target.relative_to(ROOT)}", flush=True)
            return target
        print(
            f"training Rasa model -> {target.relative_to(ROOT)} (inputs changed)",
            file=sys.stderr,
            flush=True,
        )
        cmd = [
            str(ENGINE_BIN / "rasa"),
            "train",
            "--config",
            "assistant/config.yml",
            "--domain",
            "assistant/domain",
            "--data",
            "assistant/data",
            "--out",
            str(target.parent),
            "--fixed-model-name",
            target.name.removesuffix(".tar.gz"),
        ]
        env = {**os.environ, "PYTHONPATH": str(ROOT), ENCODER_DIR_ENV: str(encoder_dir)}
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=quiet, text=True)
        if proc.returncode != 0 or not target.exists():
            detail = (proc.stdout or "")[-3000:] + (proc.stderr or "")[-3000:] if quiet else ""
            raise RuntimeError(f"rasa train failed (exit {proc.returncode})\n{detail}")
        _prune_models(target.parent, keep=KEEP_MODELS)
        return target


KEEP_MODELS = 4


def _prune_models(models_dir: Path, keep: int) -> None:
    """Delete all but the `keep` most recently trained models (they are rebuilt on demand)."""
    models = sorted(models_dir.glob("pmn-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[keep:]:
        old.unlink(missing_ok=True)


def ensure_index(index_dir: Path | None = None, quiet: bool = False) -> Path:
    """Build the retrieval index only when the knowledge or model changed."""
    index_dir = index_dir or Path(os.environ.get("PMN_INDEX_DIR", VAR / "index"))
    with _file_lock(VAR / ".index.lock"):
        proc = subprocess.run(
            [str(APP_BIN / "python"), "-m", "retrieval", "--index-dir", str(index_dir), "build"],
            cwd=ROOT,
            capture_output=quiet,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"},
        )
        if proc.returncode != 0:
            raise RuntimeError(f"index build failed: {(proc.stderr or '')[-3000:]}")
    return index_dir


def ensure_env_file(path: Path | None = None) -> dict[str, str]:
    """Create `.env` with fresh secrets where unset; return its variables."""
    path = path or ROOT / ".env"
    values: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                key, _, value = line.partition("=")
                values[key.strip()] = value.strip().strip('"')
    changed = False
    for key in ("RASA_AUTH_TOKEN", "PMN_SESSION_SECRET"):
        if not (os.environ.get(key) or values.get(key)):
            values[key] = secrets.token_urlsafe(32)
            changed = True
    if changed:
        path.write_text(
            "# Created by `make run`; secrets for this machine only. Do not commit.\n"
            + "".join(f"{k}={v}\n" for k, v in values.items())
        )
        path.chmod(0o600)
    return values


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stack_env(
    *,
    rasa_port: int = 5005,
    actions_port: int = 5055,
    gateway_port: int = 8000,
    model: Path,
    var_dir: Path = VAR,
    extra: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Environment for the three processes of the Procfile."""
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": str(ROOT),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "RASA_PORT": str(rasa_port),
            "ACTIONS_PORT": str(actions_port),
            "GATEWAY_PORT": str(gateway_port),
            "RASA_MODEL": str(model),
            "PMN_RASA_URL": f"http://127.0.0.1:{rasa_port}",
            "PMN_ACTION_URL": f"http://127.0.0.1:{actions_port}/webhook",
            "PMN_TRACKER_DB": str(var_dir / "tracker.db"),
            "PMN_INDEX_DIR": env.get("PMN_INDEX_DIR", str(VAR / "index")),
        }
    )
    if extra:
        env.update(extra)
    return env


def procfile_commands(env: Mapping[str, str], procfile: Path | None = None) -> dict[str, str]:
    """Read the Procfile and expand $VARS, so tests start exactly what `make run` starts."""
    procfile = procfile or ROOT / "Procfile"
    commands: dict[str, str] = {}
    for line in procfile.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, cmd = line.partition(":")
        commands[name.strip()] = re.sub(
            r"\$\{?([A-Z_][A-Z0-9_]*)\}?", lambda m: shlex.quote(env.get(m.group(1), "")), cmd
        ).strip()
    return commands


def readiness_urls(env: Mapping[str, str]) -> dict[str, tuple[str, dict[str, str]]]:
    token = env.get("RASA_AUTH_TOKEN", "")
    return {
        "rasa": (f"http://127.0.0.1:{env['RASA_PORT']}/status?token={token}", {}),
        "actions": (f"http://127.0.0.1:{env['ACTIONS_PORT']}/health", {}),
        "gateway": (f"http://127.0.0.1:{env['GATEWAY_PORT']}/readyz", {}),
    }


def wait_ready(
    env: Mapping[str, str],
    timeout: float = 240.0,
    alive: Callable[[], bool] | None = None,
) -> dict[str, float]:
    """Poll each process's readiness URL; return seconds until each answered 200."""
    start = time.monotonic()
    pending = readiness_urls(env)
    ready: dict[str, float] = {}
    while pending:
        if alive is not None and not alive():
            raise RuntimeError("a process of the stack exited before it was ready")
        for name, (url, headers) in list(pending.items()):
            try:
                req = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(req, timeout=2) as resp:
                    if resp.status == 200:
                        ready[name] = time.monotonic() - start
                        del pending[name]
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"not ready after {timeout:.0f}s: {', '.join(pending)}")
        time.sleep(0.5)
    return ready


if __name__ == "__main__":  # `python scripts/stack.py model|model-path|encoder|index|hash`
    what = sys.argv[1] if len(sys.argv) > 1 else "hash"
    if what == "encoder":  # prepare var/encoder/<hash> (app env), print its path
        print(ensure_encoder(quiet=True)[0])
    elif what == "model":
        ensure_model()
    elif what == "model-path":  # train if needed, print only the path (for make targets)
        print(ensure_model(quiet=True))
    elif what == "index":
        ensure_index()
    else:
        print(model_hash(ensure_encoder(quiet=True)[1]))
