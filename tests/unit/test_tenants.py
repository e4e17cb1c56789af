"""Tenant files: schema, validation errors that name file and field, public part, API keys."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gateway.tenants import (
    TenantError,
    contrast_ratio,
    load_tenant,
    load_tenants,
    main,
    new_api_key,
)

ROOT = Path(__file__).resolve().parents[2]


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_tenants_are_valid_and_include_default() -> None:
    registry = load_tenants(ROOT / "tenants")
    assert "default" in registry.ids()
    assert registry.get(None) is registry.default
    assert registry.get("no-such-tenant") is None


def test_a_full_tenant_loads(tmp_path: Path) -> None:
    key, digest = new_api_key()
    path = write(
        tmp_path,
        "acme",
        f"""
name: Acme Lung Support
colours: {{primary: "#7a1f5c", on_primary: "#ffffff"}}
logo: https://acme.example/logo.png
greeting: Hi from Acme
default_country: gb
default_language: en
helpline: {{name: Acme line, phone: "0800 000 000", hours: 9-5, url: https://acme.example/help}}
allowed_origins: [https://acme.example, "http://localhost:8080/"]
boost_resources: [egfr-resisters]
api_key_sha256: {digest}
""",
    )
    tenant = load_tenant(path, known_resources={"egfr-resisters"})
    assert tenant.id == "acme" and tenant.default_country == "GB"
    assert tenant.allows_origin("https://acme.example")
    assert tenant.allows_origin("http://localhost:8080")
    assert not tenant.allows_origin("https://evil.example")
    assert tenant.check_api_key(key)
    assert not tenant.check_api_key(key + "x") and not tenant.check_api_key("")
    public = tenant.public().model_dump()
    assert set(public) == {
        "id",
        "name",
        "colours",
        "logo",
        "greeting",
        "default_country",
        "default_language",
        "helpline",
    }
    assert digest not in str(public) and "acme.example/help" in str(public)


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ('name: X Org\ncolours: {primary: "#ffff00", on_primary: "#ffffff"}\n', "colours", "4.5:1"),
        ("name: X Org\ncolours: {primary: blue}\n", "colours.primary", "#0b5394"),
        ("name: X Org\nallowed_origins: ['https://x.example/path']\n", "allowed_origins", "origin"),
        ("name: X Org\nallowed_origins: ['*']\n", "allowed_origins", "wildcard"),
        ("name: X Org\nlogo: http://x.example/l.png\n", "logo", "https"),
        ("name: X Org\nhelpline: {name: Line}\n", "helpline", "phone number or a url"),
        ("name: X Org\napi_key_sha256: plaintext-key\n", "api_key_sha256", "sha256"),
        ("name: X Org\ndefault_country: Britain\n", "default_country", "alpha-2"),
        ("name: X Org\nunknown_field: 1\n", "unknown_field", "Extra inputs"),
        ("colours: {}\n", "name", "required"),
    ],
)
def test_validation_errors_name_the_file_and_field(
    tmp_path: Path, body: str, field: str, words: str
) -> None:
    path = write(tmp_path, "bad", body)
    with pytest.raises(TenantError) as info:
        load_tenant(path)
    message = str(info.value)
    assert str(path) in message
    assert f"field '{field}" in message
    assert words in message


def test_yaml_errors_give_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "broken", "name: ok\ncolours: [unclosed\n")
    with pytest.raises(TenantError, match=r"broken\.yaml: line \d+ not valid YAML"):
        load_tenant(path)


def test_id_must_match_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "acme", "id: other\nname: Acme Org\n")
    with pytest.raises(TenantError, match="field 'id'.*must match the file name"):
        load_tenant(path)


def test_unknown_boosted_resource_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "acme", "name: Acme Org\nboost_resources: [no-such-resource]\n")
    with pytest.raises(TenantError, match="boost_resources.*no-such-resource"):
        load_tenant(path, known_resources={"egfr-resisters"})


def test_a_directory_without_default_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "acme", "name: Acme Org\n")
    with pytest.raises(TenantError, match="no `default` tenant"):
        load_tenants(tmp_path)
    with pytest.raises(TenantError, match="not found"):
        load_tenants(tmp_path / "missing")


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_cli_new_key_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-key"]) == 0
    out = capsys.readouterr().out
    key = out.split("): ")[1].split()[0]
    assert f"api_key_sha256: {hashlib.sha256(key.encode()).hexdigest()}" in out
    assert main(["check", str(ROOT / "tenants")]) == 0
    write(tmp_path, "default", "name: X Org\ncolours: {primary: nope}\n")
    assert main(["check", str(tmp_path)]) == 1
    assert "colours.primary" in capsys.readouterr().err
