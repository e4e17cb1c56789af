"""Start the real three-process stack (Procfile commands) on free ports for tests."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from scripts import stack

ARTIFACTS = stack.ROOT / "test-artifacts"


@dataclass
class RunningStack:
    """URLs, environment and processes of a running stack."""

    env: dict[str, str]
    commands: dict[str, str]
    log_dir: Path
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.env['GATEWAY_PORT']}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.env['RASA_PORT']}"

    @property
    def actions_url(self) -> str:
        return f"http://127.0.0.1:{self.env['ACTIONS_PORT']}"

    @property
    def rasa_token(self) -> str:
        return self.env["RASA_AUTH_TOKEN"]

    def start(self, name: str) -> None:
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        self.procs[name] = subprocess.Popen(
            self.commands[name],
            shell=True,
            cwd=stack.ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self, name: str, timeout: float = 20) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=timeout)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.procs.values())

    def stop_all(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name} ---\n{p.read_text(errors='replace')[-4000:]}"
            for p in sorted(self.log_dir.glob("*.log"))
        )


def start_stack(var_dir: Path, name: str = "stack", timeout: float = 300) -> RunningStack:
    """Train/build if needed, then start rasa, actions and gateway; wait until all are ready."""
    model = stack.ensure_model(quiet=True)
    stack.ensure_index(quiet=True)
    env = stack.stack_env(
        rasa_port=stack.free_port(),
        actions_port=stack.free_port(),
        gateway_port=stack.free_port(),
        model=model,
        var_dir=var_dir,
        extra={"RASA_AUTH_TOKEN": "test-token-" + name, "PMN_SESSION_SECRET": "test-secret"},
    )
    log_dir = ARTIFACTS / "logs" / name
    log_dir.mkdir(parents=True, exist_ok=True)
    for old in log_dir.glob("*.log"):
        old.unlink()
    running = RunningStack(env=env, commands=stack.procfile_commands(env), log_dir=log_dir)
    for proc_name in running.commands:
        running.start(proc_name)
    try:
        stack.wait_ready(env, timeout=timeout, alive=running.alive)
    except Exception as exc:
        time.sleep(0.5)
        logs = running.logs()
        running.stop_all()
        raise RuntimeError(f"stack did not start: {exc}\n{logs}") from exc
    return running
