"""``luoshi user``: the accounts that sign in to the web application (``luoshi serve``).

Passwords are never given on the command line (where ``ps`` and shell
history would keep them): they are asked for twice on a terminal, or read
as the first line of standard input (``--password-stdin``, or whenever
input is not a terminal).
"""

import sys
from enum import Enum
from typing import Annotated

import typer

from luoshi.store import DEFAULT_DB

user = typer.Typer(no_args_is_help=True, help="Accounts for the web application: add, list, disable.")


class Role(str, Enum):
    admin = "admin"
    editor = "editor"
    viewer = "viewer"


def register(app: typer.Typer) -> None:
    """Add the ``user`` command group to the ``luoshi`` app."""
    from luoshi import accounts
    from luoshi.cli import Db, echo_json, failures, make_table, out, print_table
    from luoshi.errors import UsageError
    from luoshi.store import Store

    Username = Annotated[str, typer.Argument(help="The name to sign in with.")]

    @user.command("add")
    def add(username: Username, role: Annotated[Role, typer.Option(help="viewer reads; editor also edits and "
                                                                         "uploads; admin is an editor too.")],
            password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                         help="Read the password from standard input.")] = False,
            db: Db = DEFAULT_DB) -> None:
        """Create an account (asks for the password twice on a terminal)."""
        with failures():
            password = read_password(password_stdin, UsageError)
            with Store(db, create=False) as store:
                made = accounts.add_user(store, username, password, role.value)
        out.print(f"user {made.username} added ({made.role})", markup=False)

    @user.command("list")
    def list_(db: Db = DEFAULT_DB,
              as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table.")] = False) -> None:
        """The accounts, their roles and whether they may sign in."""
        with failures(), Store(db, create=False) as store:
            users = accounts.list_users(store)
        if as_json:
            echo_json([{"id": u.id, "username": u.username, "role": u.role, "disabled": u.disabled,
                        "created_at": u.created_at.isoformat()} for u in users])
            return
        if not users:
            out.print("no users yet; add one with `luoshi user add NAME --role admin`", markup=False)
            return
        print_table(make_table(("id", "user", "role", "state", "created"),
                               [(u.id, u.username, u.role, "disabled" if u.disabled else "active",
                                 u.created_at.strftime("%Y-%m-%d %H:%M")) for u in users]))

    @user.command("disable")
    def disable(username: Username, db: Db = DEFAULT_DB) -> None:
        """Stop an account from signing in (its open sessions end now)."""
        with failures(), Store(db, create=False) as store:
            done = accounts.disable_user(store, username)
        out.print(f"user {done.username} disabled", markup=False)

    app.add_typer(user, name="user")


def read_password(from_stdin: bool, error: type[Exception]) -> str:
    """The new password: typed twice on a terminal, else the first line of standard input."""
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise error("no password given; type one, or pipe it in with --password-stdin")
    return password
