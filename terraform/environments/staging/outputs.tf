output "api_url" {
  description = "Base URL for clients (ANTHROPIC_BASE_URL)."
  value       = module.portbroker.api_url
}

output "table_names" {
  description = "Physical DynamoDB table names."
  value       = module.portbroker.table_names
}

output "gateway_codedeploy" {
  description = "CodeDeploy application and group for canary releases of the gateway."
  value       = module.portbroker.gateway_codedeploy
}

output "admin_codedeploy" {
  description = "CodeDeploy application and deployment group of the admin function (see docs/operations/deploy-terraform.md)."
  value       = module.portbroker.admin_codedeploy
}

output "buckets" {
  description = "Bucket names by purpose."
  value       = module.portbroker.buckets
}

output "secret_arns" {
  description = "Secrets to seed with put-secret-value after the first apply."
  value       = module.portbroker.secret_arns
}
