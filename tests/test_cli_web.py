"""``luoshi serve``: clear one-line errors before anything is served, and a real server answering."""
from __future__ import annotations

import threading
import urllib.request

import pytest
from typer.testing import CliRunner

from luoshi.cli import app
from luoshi.errors import UsageError
from luoshi.store import Store
from luoshi.web import Settings, create_app
from luoshi.web.serve import bind, server, url


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db"), "--port", "0"])
    assert result.exit_code == 1
    assert "[L202] no database here" in result.output and "Traceback" not in result.output


def test_a_taken_port_is_a_usage_error():
    taken = bind("127.0.0.1", 0)
    try:
        with pytest.raises(UsageError, match="pick another --port"):
            bind("127.0.0.1", taken.getsockname()[1])
    finally:
        taken.close()


def test_the_server_answers_on_its_url(tmp_path, make_doc):
    with Store(tmp_path / "luoshi.db") as store:
        store.save_document(make_doc())
    sock = bind("127.0.0.1", 0)
    running = server(create_app(Settings(db=str(tmp_path / "luoshi.db"))))
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:  # the socket already listens, so the request waits in its backlog until uvicorn accepts
        with urllib.request.urlopen(url(sock) + "documents", timeout=5) as answer:
            assert answer.status == 200 and "示例市" in answer.read().decode("utf-8")
    finally:
        running.should_exit = True
        thread.join(timeout=10)
        sock.close()
