"""audit/changes.py: datasets touched by paths, shards, last changes."""

from __future__ import annotations

from satudata.audit.changes import parse_shard, shard_of


def test_shards_partition_the_datasets_stably():
    ids = [f"opd/dataset-{i}" for i in range(200)]
    parts = [shard_of(ids, i, 4) for i in range(1, 5)]
    assert set().union(*parts) == set(ids) and sum(map(len, parts)) == 200
    assert shard_of([*ids, "opd/baru"], 2, 4) - {"opd/baru"} == parts[1]
    assert parse_shard("2/4") == (2, 4)
