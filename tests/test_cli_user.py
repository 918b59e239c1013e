"""``luoshi user add / list / disable``: passwords from standard input, one-line errors."""
from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from luoshi import accounts
from luoshi.cli import app
from luoshi.store import Store

runner = CliRunner()


@pytest.fixture(autouse=True)
def quick_hashing(monkeypatch):
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def test_add_list_and_disable(db):
    Store(db).close()
    added = runner.invoke(app, ["user", "add", "li", "--role", "editor", "--db", db], input="a long secret\n")
    assert added.exit_code == 0 and "user li added (editor)" in added.output
    with Store(db) as store:
        assert accounts.authenticate(store, "li", "a long secret", "127.0.0.1").role == "editor"
    listed = json.loads(runner.invoke(app, ["user", "list", "--json", "--db", db]).output)
    assert [(u["username"], u["role"], u["disabled"]) for u in listed] == [("li", "editor", False)]
    assert runner.invoke(app, ["user", "disable", "li", "--db", db]).exit_code == 0
    assert "disabled" in runner.invoke(app, ["user", "list", "--db", db]).output


def test_bad_input_is_one_line_and_exit_code_1(db):
    Store(db).close()
    for args, given in ((["user", "add", "li", "--role", "editor", "--password-stdin"], "short\n"),
                        (["user", "add", "li", "--role", "editor"], "\n"),
                        (["user", "disable", "nobody"], "")):
        result = runner.invoke(app, [*args, "--db", db], input=given)
        assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1, result.output
    assert runner.invoke(app, ["user", "add", "li", "--role", "root", "--db", db], input="a long secret\n"
                         ).exit_code == 2
    assert "no users yet" in runner.invoke(app, ["user", "list", "--db", db]).output
