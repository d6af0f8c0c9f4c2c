"""fork_map and fork_imap give the results of the function, in order, in workers or not."""

from __future__ import annotations

import os

import pytest

from satudata.util.parallel import fork_imap, fork_map


@pytest.mark.parametrize("jobs,minimum", [(1, 1), (2, 1), (2, 1000)])
def test_results_come_in_order(jobs, minimum):
    items = list(range(50))
    assert fork_map(lambda i: i * i, items, jobs, minimum) == [i * i for i in items]
    assert list(fork_imap(lambda i: i * i, items, jobs, minimum)) == [i * i for i in items]


def test_fork_imap_works_in_forked_workers():
    pids = set(fork_imap(lambda _: os.getpid(), list(range(20)), 2, 1))
    assert os.getpid() not in pids
