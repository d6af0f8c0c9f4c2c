import gc

import pytest

from satudata.util.collector import paused_gc


def test_the_collector_is_paused_inside_and_resumes_as_it_was():
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_an_error_inside_still_resumes_the_collector():
    with pytest.raises(ValueError), paused_gc():
        raise ValueError
    assert gc.isenabled()
