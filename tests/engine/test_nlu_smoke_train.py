"""Smoke training of the full NLU pipeline (DIET epochs: 1) and /model/parse over HTTP.

Engine env only: ``.venv-engine/bin/python -m pytest tests/integration/test_nlu_smoke_train.py``
(skipped where rasa is not importable). Takes ~2 minutes on 2 cores.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("rasa", reason="needs the Rasa engine env (.venv-engine)")

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def _smoke_config(tmp: Path) -> Path:
    config = yaml.safe_load((ROOT / "assistant" / "config.yml").read_text(encoding="utf-8"))
    for component in config["pipeline"]:
        if component["name"] == "DIETClassifier":
            component["epochs"] = 1
    path = tmp / "config.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def smoke_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from scripts.stack import ensure_encoder

    tmp = tmp_path_factory.mktemp("nlu_smoke")
    encoder_dir, _ = ensure_encoder(quiet=True)  # what `make train` prepares (app env)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PMN_ENCODER_DIR": str(encoder_dir)}
    cmd = [
        sys.executable, "-m", "rasa", "train", "nlu",
        "--config", str(_smoke_config(tmp)),
        "--nlu", str(ROOT / "assistant" / "data" / "nlu"),
        "--domain", str(ROOT / "assistant" / "domain"),
        "--out", str(tmp), "--fixed-model-name", "smoke",
    ]  # fmt: skip
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return tmp / "smoke.tar.gz"


def _parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def run() -> list[dict[str, Any]]:
        return [await agent.parse_message(t) for t in texts]

    return asyncio.run(run())


def test_smoke_model_records_its_encoder(smoke_model: Path) -> None:
    """The trained pipeline includes the MiniLM featurizer and records the encoder hash."""
    import tarfile

    from scripts.stack import ensure_encoder

    with tarfile.open(smoke_model) as tar:
        names = [m.name for m in tar.getmembers() if m.name.endswith("/encoder.json")]
        assert len(names) == 1, names
        recorded = json.loads(tar.extractfile(names[0]).read())  # type: ignore[union-attr]
        assert not [m.name for m in tar.getmembers() if m.name.endswith(".onnx")]
    assert recorded["encoder_hash"] == ensure_encoder(quiet=True)[1]


def test_pipeline_emits_entities_and_triage(smoke_model: Path) -> None:
    caregiver, crisis, idiom = _parse_all(
        smoke_model,
        [
            "my mum in Spain has EGFR ex19del lung cancer, any support groups?",
            "I don't want to be here anymore",
            "this rash is killing me",
        ],
    )
    pairs = {(e["entity"], e["value"]) for e in caregiver["entities"]}
    assert {
        ("biomarker", "EGFR"),
        ("alteration", "EGFR exon 19 deletion"),
        ("cancer_type", "LUNG"),
        ("country", "ES"),
        ("role", "caregiver"),
    } <= pairs
    assert crisis["intent"] == {"name": "crisis", "confidence": 1.0}
    assert crisis["triage"]["explicit"] is False
    # The idiom never becomes a red flag. A 1-epoch model may still guess a red-flag intent;
    # SafetyTriage then demotes it and records it as unconfirmed, model-sourced.
    assert idiom["intent"]["name"] not in {"crisis", "emergency", "medical_advice"}
    if "triage" in idiom:
        assert idiom["triage"].get("source") == "model"
        assert idiom["triage"].get("confirmed") is False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_model_parse_over_http_with_token(smoke_model: Path, tmp_path: Path) -> None:
    port, token = _free_port(), "nlu-smoke-token"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [
        sys.executable, "-m", "rasa", "run", "--enable-api", "--auth-token", token,
        "-i", "127.0.0.1", "-p", str(port), "-m", str(smoke_model),
    ]  # fmt: skip
    log = open(tmp_path / "rasa.log", "w", encoding="utf-8")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/model/parse?token={token}"
        body = json.dumps({"text": "HER2 exon 20 trials in the UK"}).encode()
        deadline, result = time.monotonic() + 240, None
        while time.monotonic() < deadline and result is None:
            try:
                req = urllib.request.Request(url, data=body, method="POST")
                with urllib.request.urlopen(req, timeout=10) as resp:
                    result = json.loads(resp.read())
            except OSError:
                time.sleep(2)
        assert result is not None, (tmp_path / "rasa.log").read_text()[-3000:]
        pairs = {(e["entity"], e["value"]) for e in result["entities"]}
        assert {("biomarker", "ERBB2"), ("country", "GB")} <= pairs
        bad = urllib.request.Request(url.replace(token, "wrong"), data=body, method="POST")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(bad, timeout=10)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
