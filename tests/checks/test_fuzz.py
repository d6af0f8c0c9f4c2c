"""Property-based: random CSV bytes and random YAML never crash the engine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATASET
from satudata.checks.runner import validate
from satudata.load.repository import Repository

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

csv_like = st.one_of(
    st.binary(max_size=400),
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "2024",
                    "12.71.01",
                    "3",
                    "",
                    '"',
                    ";",
                    ",",
                    "x",
                    "\n",
                    "\r",
                    "\ufeff",
                    "é",
                    "1,5",
                    " ",
                ]
            ),
            max_size=6,
        ),
        max_size=8,
    ).map(lambda rows: "\n".join(",".join(r) for r in rows).encode()),
)


def _no_crash(repo_root) -> None:
    report = validate(Repository.load(repo_root))
    internal = [f for f in report.findings if f.code == "kesalahan-internal"]
    assert not internal, [f.message() for f in internal]
    for finding in report.findings:  # every finding renders in both languages
        assert finding.message() and finding.saran() and finding.message("en")


@SETTINGS
@given(data=csv_like)
def test_random_csv_bytes_never_crash(repo, data):
    repo.write("data/dinkes/puskesmas.csv", b"tahun,kode_kecamatan,jumlah_puskesmas\n" + data)
    _no_crash(repo.root)
    repo.write("data/dinkes/puskesmas.csv", data)
    _no_crash(repo.root)


yaml_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(DATASET.splitlines()), max_size=40).map("\n".join),
    st.text(alphabet=st.sampled_from(list("kolom:- []{}&*!|>'\"\n\t#nama1.")), max_size=200),
)


@SETTINGS
@given(text=yaml_text)
def test_random_yaml_never_crashes(repo, text):
    repo.write("metadata/dinkes/puskesmas.yaml", text.encode("utf-8", "surrogatepass"))
    _no_crash(repo.root)
