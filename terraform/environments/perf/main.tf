# perf environment: a thin call of the shared module. Table definitions come only from tables.json.
locals {
  repo_root = "${path.module}/../../.."
}

module "portbroker" {
  source = "../../modules/portbroker"
  providers = {
    aws         = aws
    aws.replica = aws.replica
  }

  environment          = "perf"
  table_schema         = jsondecode(file("${local.repo_root}/infra/portbroker-dynamodb/src/main/resources/io/portbroker/dynamodb/tables.json"))
  gateway_package_path = coalesce(var.gateway_package_path, "${local.repo_root}/functions/portbroker-fn-gateway/target/function.zip")
  gateway_runtime      = var.gateway_runtime
  admin_package_path   = coalesce(var.admin_package_path, "${local.repo_root}/functions/portbroker-fn-admin/target/function.zip")
  alarm_emails         = var.alarm_emails
  bedrock_model_arns   = var.bedrock_model_arns

  # Load tests: enough reserved capacity to find limits, nothing worth protecting afterwards.
  protect_data                 = false
  log_retention_days           = 7
  gateway_memory_size          = 2048
  gateway_reserved_concurrency = 500
  api_throttle_rate_limit      = 1000
  api_throttle_burst_limit     = 2000
}
