"""Web settings: where the secret key comes from and that it survives restarts."""
from __future__ import annotations

import stat

from luoshi.web.settings import SECRET_ENV, Settings, secret_key


def test_a_sqlite_database_keeps_its_key_in_an_owner_only_file(tmp_path, monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)
    db = tmp_path / "luoshi.db"
    first = secret_key(Settings(db=str(db)))
    key_file = tmp_path / "luoshi.db.secret"
    assert key_file.read_text().strip() == first and len(first) >= 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert secret_key(Settings(db=f"sqlite:///{db}")) == first  # the same database by URL
    assert secret_key(Settings(db=str(tmp_path / "other.db"))) != first


def test_the_environment_and_explicit_settings_win(tmp_path, monkeypatch):
    monkeypatch.setenv(SECRET_ENV, "from-the-environment")
    assert secret_key(Settings(db=str(tmp_path / "luoshi.db"))) == "from-the-environment"
    assert not (tmp_path / "luoshi.db.secret").exists()
    assert secret_key(Settings(db="x.db", secret_key="given")) == "given"


def test_a_server_database_without_a_configured_key_gets_one_per_process(monkeypatch):
    monkeypatch.delenv(SECRET_ENV, raising=False)
    url = "postgresql+psycopg://clerk@db.example/luoshi"
    assert secret_key(Settings(db=url)) != secret_key(Settings(db=url))
