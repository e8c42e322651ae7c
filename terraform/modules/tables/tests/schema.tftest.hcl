# Plans and applies the tables module against a mocked AWS provider (no credentials, no network) with the real
# tables.json, then checks every table, key, index and TTL against that file. Run by .ci/iac-checks.sh.
mock_provider "aws" {}

variables {
  name_prefix = "pb-test"
  schema      = jsondecode(file("../../../infra/portbroker-dynamodb/src/main/resources/io/portbroker/dynamodb/tables.json"))
  kms_key_arn = "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555"
  replicas    = [{ region = "us-west-2", kms_key_arn = "arn:aws:kms:us-west-2:111122223333:key/mrk-test" }]
}

run "tables_follow_the_schema_file" {
  command = apply

  assert {
    condition     = toset(keys(aws_dynamodb_table.this)) == toset([for t in var.schema.tables : t.name])
    error_message = "The module must declare exactly the tables of tables.json."
  }

  assert {
    condition = alltrue([for t in var.schema.tables :
      aws_dynamodb_table.this[t.name].name == "pb-test-${t.name}"
      && aws_dynamodb_table.this[t.name].hash_key == t.partitionKey.name
      && aws_dynamodb_table.this[t.name].range_key == (t.sortKey == null ? null : t.sortKey.name)
    ])
    error_message = "Table names or primary keys differ from tables.json."
  }

  assert {
    condition = alltrue([for t in var.schema.tables :
      toset([for a in aws_dynamodb_table.this[t.name].attribute : "${a.name}:${a.type}"]) == toset(concat(
        ["${t.partitionKey.name}:${t.partitionKey.type}"],
        t.sortKey == null ? [] : ["${t.sortKey.name}:${t.sortKey.type}"],
        [for g in t.globalSecondaryIndexes : "${g.partitionKey.name}:${g.partitionKey.type}"],
        [for g in t.globalSecondaryIndexes : "${g.sortKey.name}:${g.sortKey.type}" if g.sortKey != null],
      ))
    ])
    error_message = "Attribute definitions must be exactly the key attributes of tables.json."
  }

  assert {
    condition = alltrue([for t in var.schema.tables :
      toset([for g in aws_dynamodb_table.this[t.name].global_secondary_index :
      "${g.name}|${g.hash_key}|${coalesce(g.range_key, "-")}|${g.projection_type}"]) ==
      toset([for g in t.globalSecondaryIndexes :
      "${g.name}|${g.partitionKey.name}|${g.sortKey == null ? "-" : g.sortKey.name}|${g.projection}"])
    ])
    error_message = "Global secondary indexes differ from tables.json."
  }

  assert {
    # Without a ttlAttribute the block is left to the provider (the mock invents values), so only declared
    # TTLs are compared.
    condition = alltrue([for t in var.schema.tables :
      contains([for x in aws_dynamodb_table.this[t.name].ttl : x.attribute_name if x.enabled], t.ttlAttribute)
      if t.ttlAttribute != null
    ])
    error_message = "TTL attributes differ from tables.json."
  }

  assert {
    condition = alltrue([for t in aws_dynamodb_table.this :
      t.billing_mode == "PAY_PER_REQUEST"
      && t.point_in_time_recovery[0].enabled
      && t.server_side_encryption[0].enabled
      && t.server_side_encryption[0].kms_key_arn == var.kms_key_arn
      && length(t.replica) == 1
      && t.stream_enabled
    ])
    error_message = "Every table needs on-demand billing, PITR, SSE with the customer key, and its replica."
  }
}
