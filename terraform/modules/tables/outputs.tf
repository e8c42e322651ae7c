output "names" {
  description = "Physical table name by schema name (e.g. \"api-keys\" => \"pb-prod-api-keys\")."
  value       = { for name, t in merge(aws_dynamodb_table.this, data.aws_dynamodb_table.existing) : name => t.name }
}

output "arns" {
  description = "Table ARN by schema name; index ARNs are <arn>/index/<index name>."
  value       = { for name, t in merge(aws_dynamodb_table.this, data.aws_dynamodb_table.existing) : name => t.arn }
}
