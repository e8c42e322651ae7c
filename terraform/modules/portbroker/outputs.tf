output "api_url" {
  description = "Base URL for clients (ANTHROPIC_BASE_URL)."
  value       = module.gateway_api.invoke_url
}

output "table_names" {
  description = "Physical DynamoDB table names by schema name."
  value       = module.tables.names
}

output "gateway_function_name" {
  description = "Gateway function name."
  value       = module.gateway.function_name
}

output "gateway_codedeploy" {
  description = "CodeDeploy application and deployment group that shift the gateway's live alias."
  value       = { application = module.gateway.codedeploy_app, deployment_group = module.gateway.codedeploy_group }
}

output "admin_function_name" {
  description = "Admin function name (admin API and audit archive)."
  value       = module.admin.function_name
}

output "admin_codedeploy" {
  description = "CodeDeploy application and deployment group that shift the admin function's live alias."
  value       = { application = module.admin.codedeploy_app, deployment_group = module.admin.codedeploy_group }
}

output "credentials_kms_key_arn" {
  description = "Envelope key of provider API keys."
  value       = module.credentials_key.key_arn
}

output "buckets" {
  description = "Bucket names by purpose."
  value = {
    access_logs = aws_s3_bucket.access_logs.id
    cold_cache  = module.cold_cache_bucket.name
    audit       = module.audit_bucket.name
    portal      = module.portal_bucket.name
  }
}

output "secret_arns" {
  description = "Secret ARNs by name (values are set by operators, never by Terraform)."
  value       = module.secrets.arns
}

output "alarm_topic_arn" {
  description = "SNS topic of every alarm."
  value       = module.observability.topic_arn
}

output "tables_kms_key_arn" {
  description = "KMS key that encrypts the tables in this region."
  value       = local.tables_key_arn
}

output "portal" {
  description = "The admin portal: its URL and the CloudFront distribution to invalidate after a deploy."
  value       = { url = module.portal_cdn.url, distribution_id = module.portal_cdn.distribution_id }
}
