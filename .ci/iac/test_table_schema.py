"""template.yaml, terraform/ and tables.json must describe the same tables, keys, indexes and TTL attributes."""

import re

import pytest

from conftest import ENVIRONMENTS, ROOT, SCHEMA_FILE, TERRAFORM, first, load_hcl

TABLE_TYPES = ("AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable")


def schema_view(table):
    """A comparable description of one tables.json entry."""
    keys = [table["partitionKey"]] + ([table["sortKey"]] if table["sortKey"] else [])
    for gsi in table["globalSecondaryIndexes"]:
        keys += [gsi["partitionKey"]] + ([gsi["sortKey"]] if gsi["sortKey"] else [])
    return {
        "partitionKey": table["partitionKey"]["name"],
        "sortKey": table["sortKey"]["name"] if table["sortKey"] else None,
        "ttl": table["ttlAttribute"],
        "attributes": {k["name"]: k["type"] for k in keys},
        "indexes": {
            g["name"]: (g["partitionKey"]["name"], g["sortKey"]["name"] if g["sortKey"] else None, g["projection"])
            for g in table["globalSecondaryIndexes"]
        },
    }


def key_names(key_schema):
    by_type = {k["KeyType"]: k["AttributeName"] for k in key_schema}
    return by_type.get("HASH"), by_type.get("RANGE")


def template_view(props):
    """The same description, read from a CloudFormation table resource."""
    partition, sort = key_names(props["KeySchema"])
    ttl = props.get("TimeToLiveSpecification") or {}
    return {
        "partitionKey": partition,
        "sortKey": sort,
        "ttl": ttl.get("AttributeName") if ttl.get("Enabled") else None,
        "attributes": {a["AttributeName"]: a["AttributeType"] for a in props["AttributeDefinitions"]},
        "indexes": {
            g["IndexName"]: (*key_names(g["KeySchema"]), g["Projection"]["ProjectionType"])
            for g in props.get("GlobalSecondaryIndexes", [])
        },
    }


def template_tables(template):
    tables = {}
    for logical_id, resource in template["Resources"].items():
        if resource["Type"] not in TABLE_TYPES:
            continue
        name = resource["Properties"]["TableName"]
        match = re.fullmatch(r"pb-\$\{Environment\}-(.+)", name.get("Fn::Sub", "") if isinstance(name, dict) else "")
        assert match, f"{logical_id}: TableName must be !Sub pb-${{Environment}}-<schema name>, got {name}"
        tables[match.group(1)] = resource
    return tables


def test_template_declaresExactlyTheSchemaTables(schema, template):
    assert sorted(template_tables(template)) == sorted(t["name"] for t in schema)


@pytest.mark.parametrize("aspect", ["partitionKey", "sortKey", "ttl", "attributes", "indexes"])
def test_template_tableAspect_shouldEqualSchema(schema, template, aspect):
    declared = template_tables(template)
    for table in schema:
        assert table["name"] in declared, f"template.yaml lacks table {table['name']}"
        got = template_view(declared[table["name"]]["Properties"])[aspect]
        assert got == schema_view(table)[aspect], f"{table['name']}: {aspect} differs from tables.json"


def test_template_tables_shouldBeOnDemandEncryptedAndRecoverable(template):
    for name, resource in template_tables(template).items():
        props = resource["Properties"]
        assert props["BillingMode"] == "PAY_PER_REQUEST", name
        assert props["SSESpecification"] == {"SSEEnabled": True, "SSEType": "KMS"}, name
        replicas = [r for r in props["Replicas"] if "Fn::If" not in r] + [
            r["Fn::If"][1] for r in props["Replicas"] if "Fn::If" in r
        ]
        assert len(replicas) == 2, f"{name}: home replica plus the conditional DR replica"
        for replica in replicas:
            assert replica["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}, name
            assert "KMSMasterKeyId" in replica["SSESpecification"], name


def test_environmentRoots_shouldPassTheSchemaFileToTheModule():
    for env in ENVIRONMENTS:
        root = TERRAFORM / "environments" / env
        parsed = load_hcl(root / "main.tf")
        call = parsed["module"][0]["portbroker"]
        expression = first(call["table_schema"])
        match = re.fullmatch(r'\$\{jsondecode\(file\("\$\{local\.repo_root\}/([^"]+)"\)\)\}', expression)
        assert match, f"{env}: table_schema must be jsondecode(file(...tables.json)), got {expression}"
        repo_root = first(parsed["locals"][0]["repo_root"])
        assert repo_root == "${path.module}/../../..", env
        assert (root / "../../.." / match.group(1)).resolve() == SCHEMA_FILE, env
        assert first(call["source"]) == "../../modules/portbroker", env


def test_tablesModule_shouldDeriveEveryKeyFromTheSchema():
    parsed = load_hcl(TERRAFORM / "modules/tables/main.tf")
    table = parsed["resource"][0]["aws_dynamodb_table"]["this"]
    assert "local.tables" in first(table["for_each"])
    assert first(table["hash_key"]) == "${each.value.partitionKey.name}"
    assert "each.value.sortKey.name" in first(table["range_key"])
    blocks = {name: body for block in table["dynamic"] for name, body in block.items()}
    assert first(blocks["global_secondary_index"]["for_each"]) == "${each.value.globalSecondaryIndexes}"
    assert "each.value.ttlAttribute" in first(blocks["ttl"]["for_each"])
    assert first(blocks["attribute"]["for_each"]) == "${local.attributes[each.key]}"


def terraform_sources():
    return [p for p in TERRAFORM.rglob("*.tf") if ".terraform" not in p.parts]


def test_terraform_shouldReferenceOnlyTablesOfTheSchema(schema):
    names = {t["name"] for t in schema}
    referenced = set()
    for path in terraform_sources():
        referenced |= set(re.findall(r'module\.tables\.(?:arns|names)\["([^"]+)"\]', path.read_text(encoding="utf-8")))
    assert referenced, "the gateway's IAM policy should name the tables it reads"
    assert referenced <= names, f"unknown tables referenced: {referenced - names}"


def test_template_shouldReferenceOnlyTablesOfTheSchema(schema):
    names = {t["name"] for t in schema}
    text = (ROOT / "template.yaml").read_text(encoding="utf-8")
    referenced = set(re.findall(r":table/\$\{Prefix\}-([a-z0-9-]+)", text))
    referenced |= set(re.findall(r'"\$\{Prefix\}-([a-z0-9-]+)"', text))
    assert referenced, "the gateway's IAM policy should name the tables it reads"
    assert referenced <= names, f"unknown tables referenced: {referenced - names}"
