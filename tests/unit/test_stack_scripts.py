"""The build-if-changed helpers behind `make run` and the test stack."""

from __future__ import annotations

from pathlib import Path

from scripts import stack


def test_content_hash_changes_only_when_inputs_change(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yml").write_text("x: 1\n")
    (tmp_path / "data" / "notes.md").write_text("ignored kind of file\n")
    first = stack.content_hash(["data"], root=tmp_path)
    assert stack.content_hash(["data"], root=tmp_path) == first
    (tmp_path / "data" / "notes.md").write_text("changed but not an input\n")
    assert stack.content_hash(["data"], root=tmp_path) == first
    (tmp_path / "data" / "a.yml").write_text("x: 2\n")
    assert stack.content_hash(["data"], root=tmp_path) != first


def test_env_file_is_created_once_with_secrets(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("PMN_SESSION_SECRET", raising=False)
    env_file = tmp_path / ".env"
    first = stack.ensure_env_file(env_file)
    assert len(first["RASA_AUTH_TOKEN"]) >= 32
    assert stack.ensure_env_file(env_file) == first
    assert oct(env_file.stat().st_mode & 0o777) == "0o600"


def test_procfile_commands_expand_variables(tmp_path: Path) -> None:
    procfile = tmp_path / "Procfile"
    procfile.write_text("# comment\nweb: serve --port $PORT --token ${TOKEN}\n")
    cmds = stack.procfile_commands({"PORT": "8123", "TOKEN": "a b"}, procfile)
    assert cmds == {"web": "serve --port 8123 --token 'a b'"}


def test_the_real_procfile_names_the_three_processes() -> None:
    env = stack.stack_env(model=Path("/m.tar.gz"))
    cmds = stack.procfile_commands({**env, "RASA_AUTH_TOKEN": "t"})
    assert set(cmds) == {"rasa", "actions", "gateway"}
    assert "--interface 127.0.0.1" in cmds["rasa"] and "--auth-token t" in cmds["rasa"]
    assert "--host 127.0.0.1" in cmds["gateway"]


def test_old_models_are_pruned(tmp_path: Path) -> None:
    import os

    for i in range(6):
        f = tmp_path / f"pmn-{i}.tar.gz"
        f.write_bytes(b"x")
        os.utime(f, (1000 + i, 1000 + i))
    (tmp_path / "other.tar.gz").write_bytes(b"kept: not ours")
    stack._prune_models(tmp_path, keep=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "other.tar.gz",
        "pmn-4.tar.gz",
        "pmn-5.tar.gz",
    ]
