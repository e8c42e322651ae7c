# prod environment: a thin call of the shared module. Table definitions come only from tables.json.
locals {
  repo_root = "${path.module}/../../.."
}

module "portbroker" {
  source = "../../modules/portbroker"
  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  environment          = "prod"
  table_schema         = jsondecode(file("${local.repo_root}/infra/portbroker-dynamodb/src/main/resources/io/portbroker/dynamodb/tables.json"))
  gateway_package_path = coalesce(var.gateway_package_path, "${local.repo_root}/functions/portbroker-fn-gateway/target/function.zip")
  gateway_runtime      = var.gateway_runtime
  admin_package_path   = coalesce(var.admin_package_path, "${local.repo_root}/functions/portbroker-fn-admin/target/function.zip")
  alarm_emails         = var.alarm_emails
  bedrock_model_arns   = var.bedrock_model_arns

  gateway_reserved_concurrency = 800

  # Global tables replicate to the DR region; the dr root runs the standby gateway there against the replicas.
  replica_region                  = var.replica_region
  gateway_memory_size             = 2048
  gateway_provisioned_concurrency = 5
  log_retention_days              = 90
  audit_retention                 = { mode = "COMPLIANCE", days = 400 }
  upstream_providers = {
    openai   = { models = ["gpt-4.1", "gpt-4.1-mini"] }
    deepseek = { models = ["deepseek-chat", "deepseek-reasoner"] }
  }
}
