"""The journaled TinyDB store: durability, torn tails, corruption, migration, two handles."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from tinydb import Query

from briefing import paths
from briefing.errors import BriefingError
from briefing.store import SCHEMA_VERSION, Store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store" / "briefing.json"


def journal(db: Path) -> Path:
    return db.with_name(db.name + ".journal")


def test_default_location_is_the_db_path_env(tmp_path: Path) -> None:
    with Store() as store:
        assert store.path == paths.db_path()
        store.put("annotations", "n-1", {"note": "x"})
    assert paths.db_path().exists()
    assert "cache" not in str(paths.db_path().parent)


def test_put_get_delete_survive_reopen(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "first", "tags": ["a"]})
        store.put("annotations", "n-2", {"note": "second"})
        store.put("annotations", "n-1", {"note": "first, edited"})  # replace, not merge
        assert store.delete("annotations", "n-2") == {"note": "second"}
        assert store.delete("annotations", "n-2") is None
    with Store(db) as store:
        assert store.all("annotations") == {"n-1": {"note": "first, edited"}}


def test_the_snapshot_is_a_tinydb_file_with_a_schema_version(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "x"})
        store.compact()
    data = json.loads(db.read_text())
    assert data["_meta"]["store"]["schema"] == SCHEMA_VERSION
    assert data["annotations"] == {"n-1": {"note": "x"}}
    assert journal(db).read_bytes() == b""


def test_each_change_is_one_journal_line_of_only_that_record(db: Path) -> None:
    with Store(db) as store:
        for i in range(50):
            store.put("annotations", f"n-{i}", {"note": "x" * 100})
        size = journal(db).stat().st_size
        store.put("annotations", "n-7", {"note": "changed"})
        line = journal(db).read_bytes()[size:]
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert json.loads(line)["ops"] == [["annotations", "n-7", {"note": "changed"}]]


def test_automatic_integer_ids_are_refused(db: Path) -> None:
    with Store(db) as store, pytest.raises(TypeError, match="own ids"):
        store.table("annotations").insert({"note": "x"})


def test_two_handles_inserting_in_turn_do_not_clash(db: Path) -> None:
    """TinyDB's own int ids raise 'Document with ID 2 already exists' here."""
    a, b = Store(db), Store(db)
    for i in range(20):
        a.put("annotations", f"a-{i}", {"n": i})
        b.put("annotations", f"b-{i}", {"n": i})
    assert len(a.all("annotations")) == len(b.all("annotations")) == 40
    a.close()
    b.close()


def test_tinydb_queries_and_generic_writes_go_through_the_journal(db: Path) -> None:
    with Store(db) as store:
        t = store.table("annotations")
        t.put_many([("n-1", {"doc": "d1", "n": 1}), ("n-2", {"doc": "d2", "n": 2}), ("n-3", {"doc": "d1", "n": 3})])
        assert sorted(r["n"] for r in t.search(Query().doc == "d1")) == [1, 3]
        t.update({"seen": True}, Query().doc == "d1")  # TinyDB's own update: mutates copies only
        t.remove(Query().n == 2)
        store.put("other", "x", {"v": 1})
        store.db.drop_table("other")
        third = store.table("third")
        third.put_many([("a", {"v": 1}), ("b", {"v": 2})])
        third.truncate()  # a mass operation: every record diffed
        third.put("c", {"v": 3})
    with Store(db) as store:
        assert store.all("annotations") == {
            "n-1": {"doc": "d1", "n": 1, "seen": True},
            "n-3": {"doc": "d1", "n": 3, "seen": True},
        }
        assert store.all("other") == {}
        assert store.all("third") == {"c": {"v": 3}}


def test_another_handle_sees_changes_and_its_query_cache_is_refreshed(db: Path) -> None:
    a, b = Store(db), Store(db)
    q = Query().doc == "d1"
    assert b.table("annotations").search(q) == []  # now cached in b
    token = b.token()
    assert not b.changed_since(token)
    assert b.poll() is False
    a.put("annotations", "n-1", {"doc": "d1"})
    assert b.changed_since(token)
    assert b.poll() is True
    assert b.poll() is False
    assert b.table("annotations").search(q) == [{"doc": "d1"}]
    b.put("annotations", "n-2", {"doc": "d1"})
    assert b.poll() is False  # its own change is not news
    assert len(a.table("annotations").search(q)) == 2
    a.compact()  # a new snapshot: b reloads it
    a.put("annotations", "n-3", {"doc": "d1"})
    assert b.poll() is True
    assert len(b.table("annotations").search(q)) == 3
    a.close()
    b.close()


def test_a_torn_last_line_is_ignored_then_cut_by_the_next_writer(db: Path) -> None:
    other = Store(db)  # open while another writer is killed mid-write
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "kept"})
        gen = json.loads(journal(db).read_text())["g"]
    with open(journal(db), "ab") as fh:  # what a writer killed mid-write leaves
        fh.write(b'{"g":"%s","ops":[["annotations","n-2",{"note":"half' % gen.encode())
    assert other.all("annotations") == {"n-1": {"note": "kept"}}
    other.put("annotations", "n-3", {"note": "after"})
    assert other.stats["torn_tails_cut"] == 1
    other.close()
    lines = journal(db).read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(x) for x in lines[:-1])
    with Store(db) as store:
        assert set(store.all("annotations")) == {"n-1", "n-3"}


def test_opening_compacts_a_torn_or_long_journal(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "kept"})
    with open(journal(db), "ab") as fh:
        fh.write(b'{"g":"x","ops":[["annot')
    with Store(db) as store:
        assert store.stats["compactions"] == 1
        assert store.all("annotations") == {"n-1": {"note": "kept"}}
    assert journal(db).read_bytes() == b""


def test_compaction_when_the_journal_passes_its_size(db: Path) -> None:
    with Store(db, compact_journal_bytes=10_000) as store:
        for i in range(100):
            store.put("annotations", f"n-{i}", {"note": "x" * 200})
        assert store.stats["compactions"] >= 1
        assert store.stats["journal_bytes"] <= 10_000
    with Store(db) as store:
        assert len(store.all("annotations")) == 100


def test_lines_from_before_a_compaction_killed_midway_are_not_replayed(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "old"})
        stale = journal(db).read_bytes()
        store.put("annotations", "n-1", {"note": "new"})
        store.compact()
    with open(journal(db), "ab") as fh:  # compaction replaced the snapshot, died before truncating
        fh.write(stale)
    with Store(db) as store:
        assert store.all("annotations") == {"n-1": {"note": "new"}}


def test_leftover_temp_files_of_a_killed_compaction_are_removed(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "x"})
    tmp = db.with_name(db.name + ".tmp-123-abc")
    tmp.write_text('{"_meta": {"sto')
    with Store(db) as store:
        assert store.all("annotations") == {"n-1": {"note": "x"}}
    assert not tmp.exists()


@pytest.mark.parametrize(
    "content, reason",
    [
        (b'{"annotations": {"n-1": {"note": "x"}', "not valid JSON"),
        (b"\xff\xfe garbage", "not UTF-8"),
        (b'["a", "list"]', "not a TinyDB database"),
    ],
)
def test_a_corrupt_snapshot_is_moved_aside_with_a_timestamp(db: Path, content: bytes, reason: str) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(content)
    with pytest.raises(BriefingError) as err:
        Store(db)
    message = str(err.value)
    assert "\n" not in message and str(db) in message and reason in message and "moved aside" in message
    aside = list(db.parent.glob("briefing.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content  # kept, byte for byte
    assert str(aside[0]) in message
    assert not db.exists()
    with Store(db) as store:  # the next start begins a new store
        assert store.all("annotations") == {}


def test_a_bad_line_inside_the_journal_is_corruption_and_nothing_is_lost(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "one"})
        store.put("annotations", "n-2", {"note": "two"})
    data = journal(db).read_bytes()
    first, rest = data.split(b"\n", 1)
    journal(db).write_bytes(first + b"\n" + b"#garbage#\n" + rest)
    snapshot = db.read_bytes()
    with pytest.raises(BriefingError, match="journal line at byte") as err:
        Store(db)
    assert str(journal(db)) in str(err.value)
    (j_aside,) = db.parent.glob("briefing.json.journal.corrupt-*")
    (s_aside,) = db.parent.glob("briefing.json.corrupt-*")
    assert s_aside.read_bytes() == snapshot
    assert b"one" in j_aside.read_bytes() and b"two" in j_aside.read_bytes()


def test_a_journal_without_its_snapshot_is_moved_aside(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "one"})
    db.unlink()
    with pytest.raises(BriefingError, match="snapshot is missing"):
        Store(db)
    assert list(db.parent.glob("briefing.json.journal.corrupt-*"))


def test_an_unreadable_store_names_the_file(db: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "one"})
    db.chmod(0)
    try:
        with pytest.raises(BriefingError, match=str(db)):
            Store(db)
    finally:
        db.chmod(0o600)


def test_a_store_from_a_newer_briefing_is_refused_untouched(db: Path) -> None:
    db.parent.mkdir(parents=True)
    content = json.dumps({"_meta": {"store": {"schema": SCHEMA_VERSION + 1}}, "annotations": {}})
    db.write_text(content)
    with pytest.raises(BriefingError, match="newer"):
        Store(db)
    assert db.read_text() == content


def test_a_v0_store_is_backed_up_and_migrated(db: Path) -> None:
    """v0: a plain TinyDB JSONStorage file (auto int ids), table ``notes``, tags as a string."""
    db.parent.mkdir(parents=True)
    v0 = {
        "notes": {
            "1": {"doc": "/texts/a.txt", "quote": "Ankara said", "start": 10, "end": 21, "note": "check",
                  "tags": "key, Follow up", "created": "2024-05-01T10:00:00+00:00"},
            "2": {"doc": "/texts/a.txt", "quote": "Kyiv", "start": 40, "end": 44, "note": "", "tags": ""},
        },
        "_default": {},
    }
    db.write_text(json.dumps(v0))
    with Store(db) as store:
        assert store.stats["migrated_from"] == 0
        records = list(store.all("annotations").values())
        assert store.all("notes") == {}
    (backup,) = db.parent.glob("briefing.json.v0-*.bak")
    assert json.loads(backup.read_text()) == v0
    assert json.loads(db.read_text())["_meta"]["store"]["schema"] == SCHEMA_VERSION
    by_quote = {r["selector"]["exact"]: r for r in records}
    assert set(by_quote) == {"Ankara said", "Kyiv"}
    first = by_quote["Ankara said"]
    assert first["id"].startswith("n-") and first["tags"] == ["key", "follow-up"]
    assert first["source"] == "/texts/a.txt" and first["note"] == "check"
    assert (first["selector"]["start"], first["selector"]["end"]) == (10, 21)
    with Store(db) as store:  # migrated once, not again
        assert store.stats["migrated_from"] is None
        assert len(store.all("annotations")) == 2


def test_an_empty_tinydb_file_opens_as_an_empty_store(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_text("")
    with Store(db) as store:
        assert store.all("annotations") == {}


def test_a_held_lock_gives_a_clear_error(db: Path) -> None:
    from filelock import FileLock

    Store(db).close()
    held = FileLock(str(db) + ".lock")
    with held, pytest.raises(BriefingError, match="locked by another process"):
        Store(db, lock_timeout=0.2)


def test_large_records_are_written_in_pieces_and_read_back(db: Path) -> None:
    note = "é" * 1_000_003 + "\n\"quoted\"\t" + "z" * 300_000
    with Store(db) as store:
        store.put("annotations", "n-big", {"note": note, "n": [1, 2.5, None, True]})
    with Store(db, open_compact_bytes=1 << 30) as store:
        assert store.get("annotations", "n-big") == {"note": note, "n": [1, 2.5, None, True]}


def test_a_store_path_that_cannot_be_read_names_the_file(db: Path) -> None:
    db.mkdir(parents=True)  # a directory where the file should be
    with pytest.raises(BriefingError, match="cannot read the annotation store") as err:
        Store(db)
    assert str(db) in str(err.value) and db.is_dir()


def test_apply_is_one_atomic_line_across_tables(db: Path) -> None:
    with Store(db) as store:
        store.put("drafts", "dr-1", {"text": "typing"})
        before = journal(db).stat().st_size
        store.apply([("annotations", "n-1", {"note": "done"}), ("drafts", "dr-1", None)])
        line = journal(db).read_bytes()[before:]
        assert line.count(b"\n") == 1
        assert store.table("drafts").search(Query().text == "typing") == []
    with Store(db) as store:
        assert store.all("annotations") == {"n-1": {"note": "done"}} and store.all("drafts") == {}


def test_a_failed_write_changes_nothing_and_says_so(db: Path) -> None:
    with Store(db) as store:
        store.put("annotations", "n-1", {"note": "kept"})
        with pytest.raises(TypeError):
            store.put("annotations", "n-2", {"note": "x" * 200_000, "bad": object()})  # dies mid-line
        assert store.all("annotations") == {"n-1": {"note": "kept"}}
        store.put("annotations", "n-3", {"note": "after"})
    with Store(db) as store:
        assert set(store.all("annotations")) == {"n-1", "n-3"}
