"""Documents uploaded through the web application, and how their ingest went.

The upload is read (format and encoding checks) while the request waits, so
a bad file is refused at once with its one-line error; analysing and storing
it runs after the answer, and its row in ``uploads`` says how far it got, so
a progress page served by any worker can show it.

An ingest runs inside the web server's process, so a server that stops
mid-ingest leaves its row ``running`` for ever: the app marks such rows
failed when it starts (``fail_interrupted``), and any row still running
long after an ingest could take is shown as failed too (``STALE_AFTER``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import insert, select, update

from luoshi.accounts import User
from luoshi.errors import NotFound
from luoshi.ingest import error_line
from luoshi.model import Source
from luoshi.options import Options
from luoshi.pipeline import process
from luoshi.register.events import reading, write_retrying
from luoshi.store import schema as t

if TYPE_CHECKING:
    from luoshi.store import Store

UploadStatus = Literal["running", "done", "error"]
STATUS_LABELS = {"running": "正在分析入库", "done": "已入库", "error": "入库失败"}
INTERRUPTED = "服务器在入库过程中停止，请重新上传。"
# A 20 MB upload is analysed and stored in well under a minute; a row running this long has lost its process.
STALE_AFTER = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Upload:
    id: int
    username: str
    file_name: str
    size: int
    status: UploadStatus
    message: str | None
    document_ids: tuple[int, ...]
    created_at: datetime
    finished_at: datetime | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def start(store: Store, user: User, file_name: str, size: int) -> int:
    """Record an upload about to be ingested; its id."""
    row = {"user_id": user.id, "file_name": file_name, "size": size, "status": "running", "message": None,
           "document_ids": [], "created_at": datetime.now(UTC)}
    return write_retrying(store, lambda conn: conn.execute(insert(t.uploads).values(row)).inserted_primary_key[0])


def run(store: Store, upload_id: int, sources: list[Source], options: Options = Options()) -> None:
    """Analyse and store the documents read from an upload; the row ends ``done`` or ``error`` (never running)."""
    ids, errors = [], []
    for source in sources:
        try:
            ids.append(store.save_document(process(source, options), options).id)
        except Exception as exc:  # one document's failure is reported on the upload, not raised
            errors.append(error_line(exc, source.name))
    values = {"status": "error" if errors else "done", "message": " ".join(errors) or None, "document_ids": ids,
              "finished_at": datetime.now(UTC)}
    write_retrying(store, lambda conn: conn.execute(update(t.uploads).where(t.uploads.c.id == upload_id)
                                                    .values(values)))


def fail_interrupted(store: Store, started: datetime) -> int:
    """Mark failed the uploads still running that began before ``started`` (this server's start); how many.

    ``luoshi serve`` is one process, so an ingest begun before it started
    belonged to a process that is gone and will never finish.
    """
    u = t.uploads.c
    values = {"status": "error", "message": INTERRUPTED, "finished_at": started}
    return write_retrying(store, lambda conn: conn.execute(
        update(t.uploads).where(u.status == "running", u.created_at < started).values(values)).rowcount)


def get(store: Store, upload_id: int) -> Upload:
    """:raises NotFound:"""
    found = _select(store, t.uploads.c.id == upload_id)
    if not found:
        raise NotFound(f"no upload {upload_id}")
    return found[0]


def recent(store: Store, limit: int = 20) -> list[Upload]:
    return _select(store, None, limit)


def _select(store: Store, where, limit: int = 1) -> list[Upload]:
    u = t.uploads.c
    query = select(t.uploads, t.users.c.username).join(t.users, t.users.c.id == u.user_id)
    with reading(store) as conn:
        rows = conn.execute((query if where is None else query.where(where)).order_by(u.id.desc()).limit(limit))
        found = [Upload(r.id, r.username, r.file_name, r.size, r.status, r.message, tuple(r.document_ids or ()),
                        _utc(r.created_at), _utc(r.finished_at)) for r in rows]
    stale = datetime.now(UTC) - STALE_AFTER
    return [replace(u, status="error", message=INTERRUPTED) if u.status == "running" and u.created_at < stale else u
            for u in found]


def _utc(moment: datetime | None) -> datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)
