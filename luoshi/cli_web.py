"""``luoshi serve``: the web application on a register (see ``luoshi.web``).

``luoshi.cli`` imports this module at its end, so the CLI helpers are
imported inside ``register`` (and annotations stay eager for Typer); the web
stack itself is imported only when ``serve`` runs, keeping ``luoshi --help``
and the other commands quick.
"""

from typing import Annotated

import typer

from luoshi.store import DEFAULT_DB


def register(app: typer.Typer) -> None:
    from luoshi.cli import Db, failures, out

    @app.command()
    def serve(
        db: Db = DEFAULT_DB,
        host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every network interface).")]
        = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 8000,
    ) -> None:
        """Serve the web application (in Chinese) on the register; Ctrl+C stops it."""
        from luoshi.web import Settings, create_app
        from luoshi.web.serve import bind, server, url

        with failures():
            web_app = create_app(Settings(db=db))
            sock = bind(host, port)
        out.print(f"serving {web_app.state.store.where} at {url(sock)}  (Ctrl+C to stop)", markup=False)
        try:
            server(web_app).run(sockets=[sock])
        finally:
            sock.close()
