"""``python -m luoshi``: the ``luoshi`` command, for environments without the console script on PATH."""
from luoshi.cli import app

app(prog_name="luoshi")
