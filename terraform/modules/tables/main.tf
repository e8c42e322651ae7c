# Every PortBroker table comes from the one schema file (tables.json): keys, GSIs and TTL are derived from it here,
# so Terraform cannot drift from the Java code or template.yaml (checked by .ci/iac/test_table_schema.py).
locals {
  tables = { for t in var.schema.tables : t.name => t }

  # DynamoDB wants each key attribute declared once per table: table keys and every index key, de-duplicated.
  attributes = {
    for name, t in local.tables : name => {
      for key in concat(
        [t.partitionKey],
        t.sortKey == null ? [] : [t.sortKey],
        [for gsi in t.globalSecondaryIndexes : gsi.partitionKey],
        [for gsi in t.globalSecondaryIndexes : gsi.sortKey if gsi.sortKey != null],
      ) : key.name => key.type...
    }
  }
}

resource "aws_dynamodb_table" "this" {
  for_each = var.manage_tables ? local.tables : {}

  name                        = "${var.name_prefix}-${each.key}"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = each.value.partitionKey.name
  range_key                   = each.value.sortKey == null ? null : each.value.sortKey.name
  deletion_protection_enabled = var.deletion_protection
  # Global tables (version 2019.11.21) replicate through streams, so a table with replicas needs one.
  stream_enabled   = length(var.replicas) > 0
  stream_view_type = length(var.replicas) > 0 ? "NEW_AND_OLD_IMAGES" : null

  dynamic "attribute" {
    for_each = local.attributes[each.key]
    content {
      name = attribute.key
      type = attribute.value[0]
    }
  }

  dynamic "global_secondary_index" {
    for_each = each.value.globalSecondaryIndexes
    content {
      name            = global_secondary_index.value.name
      hash_key        = global_secondary_index.value.partitionKey.name
      range_key       = global_secondary_index.value.sortKey == null ? null : global_secondary_index.value.sortKey.name
      projection_type = global_secondary_index.value.projection
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttlAttribute == null ? [] : [each.value.ttlAttribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  dynamic "replica" {
    for_each = var.replicas
    content {
      region_name            = replica.value.region
      kms_key_arn            = replica.value.kms_key_arn
      point_in_time_recovery = true
      propagate_tags         = true
    }
  }

  tags = merge(var.tags, { Name = "${var.name_prefix}-${each.key}" })
}

# The DR stack attaches to replicas created by the primary stack instead of creating tables of its own.
data "aws_dynamodb_table" "existing" {
  for_each = var.manage_tables ? {} : local.tables
  name     = "${var.name_prefix}-${each.key}"
}
