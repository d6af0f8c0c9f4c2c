"""Run by CKAN's own Python (.ci/ckan): parse a DCAT file with ckanext-dcat's RDF parser and the
`euro_dcat_ap_3` profile, as a stock CKAN harvester does, and print the datasets as JSON.

No CKAN server, database or config file is needed: the parser and the licence register work
on CKAN's defaults.
"""

import json
import sys

from ckanext.dcat.processors import RDFParser

parser = RDFParser(profiles=["euro_dcat_ap_3"])
with open(sys.argv[1], encoding="utf-8") as source:
    parser.parse(source.read(), _format=sys.argv[2] if len(sys.argv) > 2 else "json-ld")
json.dump(list(parser.datasets()), sys.stdout, ensure_ascii=False)
