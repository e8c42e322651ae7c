"""Shared loaders for the IaC consistency tests: tables.json, template.yaml (cfn-lint decoder) and the HCL files."""

import json
from pathlib import Path

import hcl2
import pytest
from cfnlint.decode import decode

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "infra/portbroker-dynamodb/src/main/resources/io/portbroker/dynamodb/tables.json"
TEMPLATE_FILE = ROOT / "template.yaml"
TERRAFORM = ROOT / "terraform"
ENVIRONMENTS = ("dev", "staging", "prod", "perf", "dr")


@pytest.fixture(scope="session")
def schema():
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["tables"]


@pytest.fixture(scope="session")
def template():
    # cfn-lint's decoder understands the short intrinsic forms (!Ref, !Sub, !If ...) that plain YAML loaders reject.
    decoded, matches = decode(str(TEMPLATE_FILE))
    assert not matches, f"template.yaml does not parse: {matches}"
    return decoded


def load_hcl(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return hcl2.load(handle)


def first(value):
    """python-hcl2 wraps every attribute value in a one-element list."""
    return value[0] if isinstance(value, list) and len(value) == 1 else value
