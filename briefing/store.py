"""The annotation store: TinyDB on a crash-safe snapshot + append-only journal, shared by processes.

Files (all next to ``paths.db_path()``, e.g. ``briefing.json``):

* ``briefing.json`` -- the last snapshot: a plain TinyDB-shaped JSON object ``{table: {id: record}}``
  plus a ``_meta`` table (``{"store": {"schema": N, "generation": G}}``). It is only ever replaced
  atomically (temp file, fsync, ``os.replace``, fsync of the directory), never rewritten in place.
* ``briefing.json.journal`` -- JSON lines appended after that snapshot, one line per change
  (a transaction: ``{"g": G, "ops": [[table, id, record-or-null], ...]}``), on disk before the
  call returns: the file is opened ``O_DSYNC`` (each write returns once its bytes are durable;
  fsync after the line where the flag is missing), and a line is encoded and written in pieces
  of ``JOURNAL_CHUNK`` (64 KiB), so a huge note never needs a second copy in memory. Loading
  replays the lines of generation G on top of the snapshot; a torn last line (a writer killed
  mid-write: no final newline, or an unparsable last line) is ignored and cut off by the next
  writer, under the lock, before it appends.
* ``briefing.json.lock`` -- the inter-process lock (``filelock``) held around every
  read-modify-write and every re-read of the files.

Why not TinyDB's JSONStorage: it rewrites the whole file in place on every change (a crash can
truncate it, and it costs tens of ms with 10,000 notes). TinyDB's ``Storage`` API only has
``read()``/``write(whole dict)``, so :class:`JournalStorage.write` diffs the dict it is given
against the state it handed out and journals only the changed records. Table operations go
through :class:`StoreTable`, whose updaters get a copy-on-access view of the table that notes
which keys they touched, so a save diffs only those records (a whole-table diff cost ~4 ms with
10,000 notes) and no stored record is ever mutated in place. Queries, ``Query`` objects and
tables stay TinyDB's. (``StoreTable`` overrides TinyDB 4's ``Table._update_table``; TinyDB is
pinned to ``<5``.)

Ids: TinyDB's automatic integer ids clash between two open handles (each computes "max + 1"),
so every record is keyed by its own content-derived string id and written with
:meth:`StoreTable.put` (an upsert that replaces the record). A plain ``insert`` is refused.

Compaction (a new snapshot, the journal emptied) runs under the lock when the store opens and
its journal holds more than ``OPEN_COMPACT_BYTES`` (64 KiB), when a torn tail or an old schema
was found, and after a change that takes the journal past ``COMPACT_JOURNAL_BYTES`` (4 MiB: a
few thousand edits; rewriting a 10,000-note snapshot costs ~0.1 s, so about once per
thousands of saves).

Other processes' changes: every read first compares two ``os.stat`` results with what this
handle last saw; when they differ it takes the lock and replays the new journal lines (or
reloads a new snapshot). :meth:`Store.poll` does exactly that and says whether anything came
from elsewhere, so an open app can poll it cheaply (a timer every second or so) and refresh.

A corrupt store (unparsable snapshot, a bad line in the middle of the journal, a journal without
its snapshot) raises a one-line ``BriefingError`` naming the file; the files are first moved
aside with a timestamp (``briefing.json.corrupt-20250101T120000``), never deleted or reset.

Schema: ``SCHEMA_VERSION``; ``MIGRATIONS[n]`` turns the tables of schema ``n`` into schema
``n + 1``. An older store is copied to ``briefing.json.v<n>-<time>.bak``, migrated and compacted
when it opens; a newer one is refused (nothing touched).

SIGKILL at any moment loses nothing that a call had returned for; power loss is another matter
(it depends on the disk honouring fsync) and is not what the fault-injection tests exercise.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from briefing.errors import BriefingError

SCHEMA_VERSION = 1
META_TABLE = "_meta"
COMPACT_JOURNAL_BYTES = 4 * 1024 * 1024
OPEN_COMPACT_BYTES = 64 * 1024
JOURNAL_CHUNK = 64 * 1024  # a journal line is encoded and written in pieces of about this size
# Journal writes are synchronous (O_DSYNC: each write returns once its bytes are on disk, as
# PostgreSQL's wal_sync_method=open_datasync); where O_DSYNC is missing, fsync after the line.
_O_DSYNC = getattr(os, "O_DSYNC", 0)
LOCK_TIMEOUT_S = 15.0

Op = tuple[str, str, "dict[str, Any] | None"]  # (table, id, record or None for a delete)
Token = tuple[Any, ...]
_MISSING = object()


class _Corrupt(Exception):
    def __init__(self, reason: str, file: Path) -> None:
        super().__init__(reason)
        self.reason = reason
        self.file = file


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _stat_sig(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _timestamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S", time.localtime())


# --------------------------------------------------------------------------- journal encoding
_encode_str = json.encoder.encode_basestring  # ensure_ascii=False flavour


def _iter_json(obj: Any) -> Iterator[str]:
    """JSON text of ``obj`` in pieces; long strings are encoded a slice at a time (bounded memory)."""
    if isinstance(obj, str):
        if len(obj) <= JOURNAL_CHUNK:
            yield _encode_str(obj)
        else:
            yield '"'
            for i in range(0, len(obj), JOURNAL_CHUNK):
                yield _encode_str(obj[i : i + JOURNAL_CHUNK])[1:-1]
            yield '"'
    elif isinstance(obj, Mapping):
        yield "{"
        first = True
        for key, value in obj.items():
            if not isinstance(key, str):
                key = str(key)
            yield (_encode_str(key) + ":") if first else ("," + _encode_str(key) + ":")
            first = False
            yield from _iter_json(value)
        yield "}"
    elif isinstance(obj, (list, tuple)):
        yield "["
        for i, value in enumerate(obj):
            if i:
                yield ","
            yield from _iter_json(value)
        yield "]"
    else:
        yield json.dumps(obj, allow_nan=False)  # numbers, booleans, null


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


# --------------------------------------------------------------------------- storage
class JournalStorage(Storage):
    """A TinyDB ``Storage``: snapshot + fsynced journal, shared safely between processes."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        compact_journal_bytes: int = COMPACT_JOURNAL_BYTES,
        open_compact_bytes: int = OPEN_COMPACT_BYTES,
        lock_timeout: float = LOCK_TIMEOUT_S,
    ) -> None:
        from filelock import FileLock

        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.compact_journal_bytes = compact_journal_bytes
        self.open_compact_bytes = open_compact_bytes
        self.lock_timeout = lock_timeout
        self._tables: dict[str, dict[str, dict]] = {}
        self._schema = SCHEMA_VERSION
        self._generation = ""
        self._snap_sig: tuple[int, int, int] | None = None
        self._jfd: int | None = None
        self._j_ino: int | None = None
        self._offset = 0  # end of the last good journal line (bytes)
        self._j_seen = 0  # journal size when this handle last looked
        self._rlock = threading.RLock()
        self.version = 0  # bumped whenever the in-memory state changes
        self.foreign_version = 0  # bumped when changes made by another handle are applied
        self.stats = {"torn_tails_cut": 0, "compactions": 0, "migrated_from": None}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(f"cannot create the annotation store's directory {self.path.parent}: {exc.strerror}") from None
        self._flock = FileLock(str(self.lock_path), timeout=lock_timeout)
        with self.locked():
            self._open_under_lock()

    # -- locking ---------------------------------------------------------------------------
    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the inter-process lock (re-entrant within this handle)."""
        from filelock import Timeout

        with self._rlock:
            try:
                self._flock.acquire()
            except Timeout:
                raise BriefingError(
                    f"the annotation store {self.path} is locked by another process (waited {self.lock_timeout:g} s)"
                ) from None
            except OSError as exc:
                raise BriefingError(f"cannot lock the annotation store {self.lock_path}: {exc.strerror}") from None
            try:
                yield
            finally:
                self._flock.release()

    # -- opening and loading ---------------------------------------------------------------
    def _open_under_lock(self) -> None:
        for stale in self.path.parent.glob(self.path.name + ".tmp-*"):  # a compaction killed midway
            stale.unlink(missing_ok=True)
        if not self.path.exists():
            if self.journal_path.exists() and self.journal_path.stat().st_size > 0:
                self._move_aside(_Corrupt("its journal exists but the snapshot is missing", self.path))
            self._generation = secrets.token_hex(6)
            self._tables = {}
            self._write_snapshot()
        self._reopen_journal()
        try:
            self._load_full()
        except _Corrupt as exc:
            self._move_aside(exc)
        torn = os.fstat(self._jfd).st_size > self._offset
        if self._schema < SCHEMA_VERSION:
            self._migrate()
        elif torn or self._offset > self.open_compact_bytes:
            self.compact()

    def _reopen_journal(self) -> None:
        if self._jfd is not None:
            os.close(self._jfd)
            self._jfd = None
        created = not self.journal_path.exists()
        try:
            self._jfd = os.open(self.journal_path, os.O_RDWR | os.O_CREAT | os.O_APPEND | _O_DSYNC, 0o600)
        except OSError as exc:
            raise BriefingError(f"cannot open the annotation store's journal {self.journal_path}: {exc.strerror}") from None
        if created:
            _fsync_dir(self.path.parent)
        self._j_ino = os.fstat(self._jfd).st_ino

    def _read_snapshot(self) -> tuple[dict[str, dict[str, dict]], int, str]:
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise BriefingError(f"cannot read the annotation store {self.path}: {exc.strerror}") from None
        if not raw.strip():
            return {}, 0, ""  # an empty TinyDB file: an empty store of the oldest schema
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise _Corrupt("not UTF-8 text", self.path) from None
        except json.JSONDecodeError as exc:
            raise _Corrupt(f"not valid JSON: {exc.msg} at line {exc.lineno}", self.path) from None
        if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
            raise _Corrupt("not a TinyDB database (an object of tables)", self.path)
        meta = data.pop(META_TABLE, {}).get("store", {})
        schema = meta.get("schema", 0)
        if not isinstance(schema, int):
            raise _Corrupt("its schema version is not a number", self.path)
        if schema > SCHEMA_VERSION:
            raise BriefingError(
                f"the annotation store {self.path} has schema {schema}, newer than this briefing reads "
                f"({SCHEMA_VERSION}); upgrade briefing"
            )
        tables = {name: {str(k): v for k, v in table.items()} for name, table in data.items()}
        for table in tables.values():
            if not all(isinstance(v, dict) for v in table.values()):
                raise _Corrupt("a record is not an object", self.path)
        return tables, schema, str(meta.get("generation", ""))

    def _load_full(self) -> None:
        self._snap_sig = _stat_sig(self.path)
        self._tables, self._schema, self._generation = self._read_snapshot()
        self._offset = 0
        self._j_seen = 0
        self._read_journal_tail()
        self.version += 1

    def _read_journal_tail(self) -> bool:
        """Apply the complete journal lines past ``_offset``. Returns True when something changed."""
        assert self._jfd is not None
        size = os.fstat(self._jfd).st_size
        self._j_seen = size
        if size <= self._offset:
            return False
        data = os.pread(self._jfd, size - self._offset, self._offset)
        end = data.rfind(b"\n")
        if end < 0:
            return False  # only a torn (incomplete) line so far
        changed = False
        base = self._offset
        pos = 0
        while pos <= end:
            nl = data.index(b"\n", pos)
            line = data[pos:nl]
            try:
                entry = json.loads(line)
                ops = entry["ops"]
                generation = entry["g"]
            except (ValueError, KeyError, TypeError):
                if nl == end and not data[end + 1 :].strip():
                    break  # an unparsable last line: torn, ignored (and cut by the next writer)
                raise _Corrupt(f"journal line at byte {base + pos} is unreadable", self.journal_path) from None
            pos = nl + 1
            self._offset = base + pos
            if generation != self._generation:
                continue  # written before the last compaction (a compaction killed midway)
            self._apply(ops)
            changed = True
        return changed

    def _apply(self, ops: Iterable[Op]) -> None:
        for table, doc_id, record in ops:
            if record is None:
                self._tables.get(table, {}).pop(doc_id, None)
            else:
                self._tables.setdefault(table, {})[doc_id] = record

    def _move_aside(self, exc: _Corrupt) -> None:
        stamp = _timestamp()
        moved = []
        for p in (self.path, self.journal_path):
            if p.exists():
                aside = p.with_name(f"{p.name}.corrupt-{stamp}")
                n = 1
                while aside.exists():
                    aside = p.with_name(f"{p.name}.corrupt-{stamp}-{n}")
                    n += 1
                os.replace(p, aside)
                moved.append(aside)
        _fsync_dir(self.path.parent)
        if self._jfd is not None:
            os.close(self._jfd)
            self._jfd = None
        where = moved[0] if moved else self.path
        raise BriefingError(
            f"the annotation store {exc.file} is unreadable ({exc.reason}); it was moved aside to {where} "
            f"(nothing deleted) and the next start begins a new store"
        )

    # -- keeping up with other processes ---------------------------------------------------
    def changed_on_disk(self) -> bool:
        """Cheap (two stats, no lock): did the files change since this handle last looked?"""
        if _stat_sig(self.path) != self._snap_sig:
            return True
        try:
            st = os.stat(self.journal_path)
        except FileNotFoundError:
            return True
        return st.st_ino != self._j_ino or st.st_size != self._j_seen

    def sync(self) -> bool:
        """Under the lock: bring the in-memory state up to date. True if anything changed."""
        with self.locked():
            try:
                snap = _stat_sig(self.path)
                if snap is None:  # moved aside by another process, or deleted: open afresh
                    self._snap_sig = None
                    self._open_under_lock()
                    self.foreign_version += 1
                    return True
                reload = snap != self._snap_sig
                try:
                    j_ino = os.stat(self.journal_path).st_ino
                except FileNotFoundError:
                    j_ino = None
                if self._jfd is None or j_ino != self._j_ino:
                    self._reopen_journal()
                    reload = True
                assert self._jfd is not None
                if reload or os.fstat(self._jfd).st_size < self._offset:
                    self._load_full()
                    self.foreign_version += 1
                    return True
                if self._read_journal_tail():
                    self.version += 1
                    self.foreign_version += 1
                    return True
                return False
            except _Corrupt as exc:
                self._move_aside(exc)
                raise  # pragma: no cover - _move_aside always raises

    def sync_if_changed(self) -> bool:
        return self.changed_on_disk() and self.sync()

    # -- writing ---------------------------------------------------------------------------
    def commit(self, ops: list[Op]) -> None:
        """Append one transaction to the journal (durable on return), then apply it. Takes the lock."""
        if not ops:
            return
        with self.locked():
            self.sync()
            assert self._jfd is not None
            size = os.fstat(self._jfd).st_size
            if size > self._offset:  # a torn tail left by a killed writer: cut it before appending
                os.ftruncate(self._jfd, self._offset)
                self.stats["torn_tails_cut"] += 1
            try:
                written = self._append({"g": self._generation, "ops": ops})
            except BaseException as exc:  # disk full, I/O error, unencodable: cut the part line
                try:
                    os.ftruncate(self._jfd, self._offset)
                except OSError:
                    pass  # left as a torn tail: ignored on load, cut by the next writer
                if isinstance(exc, OSError):
                    raise BriefingError(
                        f"cannot write the annotation store {self.journal_path}: {exc.strerror or exc}"
                    ) from None
                raise
            self._offset += written
            self._j_seen = self._offset
            self._apply(ops)
            self.version += 1
            if self._offset > self.compact_journal_bytes:
                self.compact()

    def _append(self, entry: dict) -> int:
        assert self._jfd is not None
        buf: list[bytes] = []
        buffered = 0
        total = 0
        for piece in _iter_json(entry):
            b = piece.encode("utf-8")
            buf.append(b)
            buffered += len(b)
            if buffered >= JOURNAL_CHUNK:
                chunk = b"".join(buf)
                _write_all(self._jfd, chunk)
                total += len(chunk)
                buf, buffered = [], 0
        buf.append(b"\n")
        chunk = b"".join(buf)
        _write_all(self._jfd, chunk)
        total += len(chunk)
        if not _O_DSYNC:
            os.fsync(self._jfd)
        return total

    def compact(self) -> None:
        """Write a new snapshot (atomically) and empty the journal. Takes the lock."""
        with self.locked():
            self.sync()
            self._generation = secrets.token_hex(6)
            self._write_snapshot()
            assert self._jfd is not None
            os.ftruncate(self._jfd, 0)
            os.fsync(self._jfd)
            self._offset = 0
            self._j_seen = 0
            self.stats["compactions"] += 1

    def _write_snapshot(self) -> None:
        data = {META_TABLE: {"store": {"schema": self._schema, "generation": self._generation}}}
        data.update(self._tables)
        tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}-{secrets.token_hex(3)}")
        try:
            encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            with open(tmp, "wb") as fh:
                fh.write(encoded)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise BriefingError(f"cannot write the annotation store {self.path}: {exc.strerror}") from None
        _fsync_dir(self.path.parent)
        self._snap_sig = _stat_sig(self.path)

    def _migrate(self) -> None:
        old = self._schema
        backup = self.path.with_name(f"{self.path.name}.v{old}-{_timestamp()}.bak")
        import shutil

        shutil.copy2(self.path, backup)
        tables = self._tables
        for version in range(old, SCHEMA_VERSION):
            tables = MIGRATIONS[version](tables)
        self._tables = tables
        self._schema = SCHEMA_VERSION
        self.stats["migrated_from"] = old
        self.compact()

    # -- TinyDB's Storage API --------------------------------------------------------------
    def read(self) -> dict[str, dict[str, Any]]:
        with self._rlock:
            self.sync_if_changed()
            return dict(self._tables)  # top level copied: TinyDB assigns tables into it

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """TinyDB's whole-dict write: journal only what differs from the state last read."""
        with self._rlock:
            ops: list[Op] = []
            for name in set(self._tables) | set(data):
                ops.extend(diff_table(name, self._tables.get(name, {}), data.get(name, {})))
            self.commit(ops)

    @property
    def tables(self) -> dict[str, dict[str, dict]]:
        """The live in-memory tables (read-only by convention)."""
        return self._tables

    def journal_bytes(self) -> int:
        return self._offset

    def close(self) -> None:
        with self._rlock:
            if self._jfd is not None:
                os.close(self._jfd)
                self._jfd = None


def diff_table(name: str, base: Mapping[str, dict], new: Mapping[Any, dict]) -> list[Op]:
    """The ops turning ``base`` into ``new``; records not replaced (same object) are skipped."""
    ops: list[Op] = []
    for key, value in new.items():
        old = base.get(str(key), _MISSING)
        if old is value:
            continue
        if old is _MISSING or old != value:
            ops.append((name, str(key), value))
    if len(new) < len(base) or any(str(k) not in base for k in new):
        keys = {str(k) for k in new}
        ops.extend((name, key, None) for key in base if key not in keys)
    return ops


class _CopyOnAccess(dict):
    """A table handed to TinyDB's updaters: a record is copied before anyone can mutate it, and
    the keys touched are noted so that only those are diffed (``touched`` None: diff them all)."""

    def __init__(self, base: Mapping[str, dict]) -> None:
        super().__init__(base)
        self.touched: set | None = set()

    def _touch(self, key: Any) -> None:
        if self.touched is not None:
            self.touched.add(key)

    def __getitem__(self, key):  # noqa: ANN001, ANN204
        value = dict(super().__getitem__(key))
        super().__setitem__(key, value)
        self._touch(key)
        return value

    def __setitem__(self, key, value) -> None:  # noqa: ANN001
        self._touch(key)
        super().__setitem__(key, value)

    def __delitem__(self, key) -> None:  # noqa: ANN001
        self._touch(key)
        super().__delitem__(key)

    def pop(self, key, *default):  # noqa: ANN001, ANN201
        self._touch(key)
        return super().pop(key, *default)

    def setdefault(self, key, default=None):  # noqa: ANN001, ANN201
        self._touch(key)
        return super().setdefault(key, default)

    def _everything(self, name: str):  # noqa: ANN202
        def mass(*args: Any, **kwargs: Any) -> Any:
            self.touched = None
            return getattr(super(_CopyOnAccess, self), name)(*args, **kwargs)

        return mass

    def __getattribute__(self, name: str) -> Any:
        if name in ("clear", "update", "popitem", "__ior__"):
            return object.__getattribute__(self, "_everything")(name)
        return super().__getattribute__(name)

    def ops(self, name: str, base: Mapping[str, dict]) -> list[Op]:
        if self.touched is None:
            return diff_table(name, base, dict(self))
        ops: list[Op] = []
        for key in self.touched:
            new = dict.get(self, key, _MISSING)
            old = base.get(str(key), _MISSING)
            if new is _MISSING:
                if old is not _MISSING:
                    ops.append((name, str(key), None))
            elif old is _MISSING or (old is not new and old != new):
                ops.append((name, str(key), new))
        return ops


class StoreTable(Table):
    """A TinyDB table keyed by the records' own string ids, writing through the journal."""

    document_id_class = str

    def __init__(self, storage: JournalStorage, name: str, **kwargs: Any) -> None:
        super().__init__(storage, name, **kwargs)
        self._seen_version = -1

    def insert(self, document: Mapping) -> str:  # type: ignore[override]
        if not isinstance(document, Document):
            raise TypeError("briefing store records are keyed by their own ids: use put(id, record)")
        return super().insert(document)

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[str]:  # type: ignore[override]
        documents = list(documents)
        if not all(isinstance(d, Document) for d in documents):
            raise TypeError("briefing store records are keyed by their own ids: use put_many(...)")
        return super().insert_multiple(documents)

    def put(self, doc_id: str, record: Mapping[str, Any]) -> None:
        """Insert or replace the record ``doc_id``; durable on disk when this returns."""
        self.put_many([(doc_id, record)])

    def put_many(self, items: Iterable[tuple[str, Mapping[str, Any] | None]]) -> None:
        """Replace or delete (record None) several records in one atomic transaction."""
        items = [(str(k), None if v is None else copy.deepcopy(dict(v))) for k, v in items]

        def updater(table: dict) -> None:
            for key, value in items:
                if value is None:
                    table.pop(key, None)
                else:
                    table[key] = value

        self._update_table(updater)

    def delete(self, doc_id: str) -> dict | None:
        """Remove ``doc_id``; returns the record removed (None if there was none)."""
        removed: list[dict] = []

        def updater(table: dict) -> None:
            if doc_id in table:
                removed.append(table.pop(doc_id))

        self._update_table(updater)
        return removed[0] if removed else None

    def get_record(self, doc_id: str) -> dict | None:
        record = self._read_table().get(doc_id)
        return copy.deepcopy(record) if record is not None else None

    def search(self, cond):  # noqa: ANN001, ANN201
        storage: JournalStorage = self._storage  # type: ignore[assignment]
        storage.sync_if_changed()
        if self._seen_version != storage.version:
            self.clear_cache()
            self._seen_version = storage.version
        return super().search(cond)

    def _update_table(self, updater: Callable[[dict], None]) -> None:
        storage: JournalStorage = self._storage  # type: ignore[assignment]
        with storage.locked():
            storage.sync()
            base = storage.tables.get(self.name, {})
            table = _CopyOnAccess(base)
            updater(table)
            storage.commit(table.ops(self.name, base))
        self.clear_cache()
        self._seen_version = storage.version


class _DB(TinyDB):
    table_class = StoreTable


class Store:
    """The open annotation store. Every change is durable when the call returns.

    ``Store()`` opens ``paths.db_path()`` (``--db`` / ``BRIEFING_DB`` / user data dir).
    Use as a context manager or call :meth:`close`.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, **storage_options: Any) -> None:
        from briefing.paths import db_path

        self.path = db_path(path)
        self.storage = JournalStorage(self.path, **storage_options)
        self.db = _DB(storage=lambda: self.storage)
        self._polled = self.storage.foreign_version

    # tables and records
    def table(self, name: str) -> StoreTable:
        if name == META_TABLE:
            raise ValueError(f"{META_TABLE} is reserved")
        return self.db.table(name)  # type: ignore[return-value]

    def get(self, table: str, doc_id: str) -> dict | None:
        return self.table(table).get_record(doc_id)

    def all(self, table: str) -> dict[str, dict]:
        """Every record of ``table`` by id (copies)."""
        self.storage.sync_if_changed()
        return copy.deepcopy(self.storage.tables.get(table, {}))

    def put(self, table: str, doc_id: str, record: Mapping[str, Any]) -> None:
        self.table(table).put(doc_id, record)

    def delete(self, table: str, doc_id: str) -> dict | None:
        return self.table(table).delete(doc_id)

    def apply(self, ops: Iterable[Op]) -> None:
        """Several puts/deletes, possibly across tables, in one atomic journal line."""
        ops = [(t, str(i), None if r is None else copy.deepcopy(dict(r))) for t, i, r in ops]
        self.storage.commit(ops)
        for name in {t for t, _, _ in ops}:
            self.table(name).clear_cache()

    # watching
    def token(self) -> Token:
        """An opaque token describing what is on disk now (for :meth:`changed_since`)."""
        return (_stat_sig(self.path), _stat_sig(self.storage.journal_path))

    def changed_since(self, token: Token) -> bool:
        """Cheap (two stats): has anyone, this handle included, changed the store since ``token``?"""
        return self.token() != token

    def poll(self) -> bool:
        """Pull other processes' changes; True if any arrived since the last poll.

        Costs two ``os.stat`` calls when nothing changed, so a UI can call it on a timer."""
        self.storage.sync_if_changed()
        changed = self.storage.foreign_version != self._polled
        self._polled = self.storage.foreign_version
        return changed

    def refresh(self) -> bool:
        return self.storage.sync()

    def compact(self) -> None:
        self.storage.compact()

    @property
    def stats(self) -> dict[str, Any]:
        return dict(self.storage.stats, journal_bytes=self.storage.journal_bytes())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- migrations
def _v0_to_v1(tables: dict[str, dict[str, dict]]) -> dict[str, dict[str, dict]]:
    """v0 (pre-release): a plain TinyDB JSONStorage file, auto integer ids, table ``notes`` with
    ``{doc, quote, start, end, note, tags: "a,b", created}``. v1: table ``annotations`` keyed by
    content-derived ids (see briefing.annotations)."""
    from briefing.annotations import annotation_from_v0

    out = {name: table for name, table in tables.items() if name != "notes"}
    annotations = dict(out.get("annotations", {}))
    for record in tables.get("notes", {}).values():
        migrated = annotation_from_v0(record)
        annotations[migrated["id"]] = migrated
    if annotations:
        out["annotations"] = annotations
    return out


MIGRATIONS: dict[int, Callable[[dict[str, dict[str, dict]]], dict[str, dict[str, dict]]]] = {0: _v0_to_v1}
