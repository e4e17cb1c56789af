"""Build-if-changed steps and process specs shared by `make run` and the test fixtures.

Standard library only, so it runs under either environment. Everything that `make run` does
before starting processes lives here, so the integration tests start the stack exactly as a
person does.
"""

from __future__ import annotations

import fcntl
import hashlib
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


def model_path(models_dir: Path | None = None) -> Path:
    """Path of the trained model for the current inputs (may not exist yet)."""
    models_dir = models_dir or VAR / "models"
    return models_dir / f"pmn-{content_hash(MODEL_INPUTS)}.tar.gz"


def ensure_model(models_dir: Path | None = None, quiet: bool = False) -> Path:
    """Train the Rasa model only when its inputs changed; return the model archive path."""
    target = model_path(models_dir)
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
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
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


if __name__ == "__main__":  # `python scripts/stack.py model|model-path|index|hash`
    what = sys.argv[1] if len(sys.argv) > 1 else "hash"
    if what == "model":
        ensure_model()
    elif what == "model-path":  # train if needed, print only the path (for make targets)
        print(ensure_model(quiet=True))
    elif what == "index":
        ensure_index()
    else:
        print(content_hash(MODEL_INPUTS))
