"""Drafted metadata: written through ruamel.yaml, words YAML 1.1 misreads quoted."""

import yaml

from satudata.onboarding.draft import quoted
from satudata.onboarding.scaffold import render_metadata


def test_yaml_words_and_numbers_survive_a_yaml_1_1_reader():
    names = ["no", "yes", "on", "off", "null", "2019", "12.71", "Sumber: BPS", "jumlah"]
    text = render_metadata(quoted({"kunci": names, "judul": "no"}))
    assert yaml.safe_load(text) == {"kunci": names, "judul": "no"}
