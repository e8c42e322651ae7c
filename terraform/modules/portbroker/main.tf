# The whole PortBroker system for one environment: keys, tables, buckets, secrets, the gateway function behind a
# streaming REST API, the admin function on /admin/* with its scheduled WORM audit archive, SLO alarms and canary
# releases. Environment roots are thin calls of this module.
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  prefix       = "pb-${var.environment}"
  table_prefix = coalesce(var.table_prefix, local.prefix)
  secret_path  = "portbroker/${var.environment}"
  replicated   = var.manage_tables && var.replica_region != null
  tags         = merge(var.tags, { env = var.environment, service = "portbroker" })
  bucket_base  = "${local.prefix}-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}"
}

# The remote settings layer (SSM Parameter Store, String parameters): both functions read it, the admin API writes it.
locals {
  config_path = "/portbroker/${var.environment}/config"
  config_arns = [
    "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${local.config_path}",
    "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:parameter${local.config_path}/*",
  ]
}

# ---------------------------------------------------------------- keys
module "tables_key" {
  count        = var.manage_tables ? 1 : 0
  source       = "../kms"
  name         = "${local.table_prefix}-tables"
  description  = "PortBroker ${var.environment}: DynamoDB tables"
  multi_region = local.replicated
  tags         = local.tags
}

# The global-table replicas in the DR region are encrypted by a replica of the multi-Region table key; its alias
# lets the DR stack find it.
resource "aws_kms_replica_key" "tables" {
  count                   = local.replicated ? 1 : 0
  provider                = aws.replica
  description             = "PortBroker ${var.environment}: DynamoDB table replicas"
  primary_key_arn         = module.tables_key[0].key_arn
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_kms_alias" "tables_replica" {
  count         = local.replicated ? 1 : 0
  provider      = aws.replica
  name          = "alias/${local.table_prefix}-tables"
  target_key_id = aws_kms_replica_key.tables[0].key_id
}

data "aws_kms_alias" "existing_tables" {
  count = var.manage_tables ? 0 : 1
  name  = "alias/${local.table_prefix}-tables"
}

module "data_key" {
  source             = "../kms"
  name               = "${local.prefix}-data"
  description        = "PortBroker ${var.environment}: S3 buckets, secrets, function environment"
  cloudfront_decrypt = true # the portal bucket, read by the portal CDN
  tags               = local.tags
}

module "ops_key" {
  source      = "../kms"
  name        = "${local.prefix}-ops"
  description = "PortBroker ${var.environment}: CloudWatch log groups and the alarm topic"
  service_principals = [
    "logs.${data.aws_region.current.name}.amazonaws.com",
    "cloudwatch.amazonaws.com",
  ]
  tags = local.tags
}

# Envelope key of the provider API keys the admin API stores: the admin function encrypts them, the gateway only
# decrypts. Multi-Region where the tables replicate, so that the DR stack can decrypt the replicated providers.
module "credentials_key" {
  source       = "../kms"
  name         = "${local.prefix}-credentials"
  description  = "PortBroker ${var.environment}: provider API keys (envelope encryption)"
  multi_region = local.replicated
  tags         = local.tags
}

locals {
  tables_key_arn = var.manage_tables ? module.tables_key[0].key_arn : data.aws_kms_alias.existing_tables[0].target_key_arn
}

# ---------------------------------------------------------------- tables (from tables.json)
module "tables" {
  source              = "../tables"
  name_prefix         = local.table_prefix
  schema              = var.table_schema
  manage_tables       = var.manage_tables
  kms_key_arn         = local.tables_key_arn
  replicas            = local.replicated ? [{ region = var.replica_region, kms_key_arn = aws_kms_replica_key.tables[0].arn }] : []
  deletion_protection = var.protect_data
  tags                = local.tags
}

# ---------------------------------------------------------------- buckets
# S3 server access logs can only be delivered to a bucket with SSE-S3 default encryption, so this one bucket
# does not use the customer-managed key; it holds access logs only, never payloads.
resource "aws_s3_bucket" "access_logs" {
  #checkov:skip=CKV_AWS_18:This is the access-log target; logging it into itself would loop.
  #checkov:skip=CKV_AWS_144:Access logs are operational data kept in-region.
  #checkov:skip=CKV2_AWS_62:No consumer of event notifications for access logs.
  #checkov:skip=CKV_AWS_145:S3 server access logging cannot deliver to SSE-KMS buckets; SSE-S3 is the only supported encryption for a log target.
  bucket        = "${local.bucket_base}-access-logs"
  force_destroy = !var.protect_data
  tags          = local.tags
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_versioning" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    id     = "expire"
    status = "Enabled"
    filter {}
    expiration {
      days = 365
    }
    noncurrent_version_expiration {
      noncurrent_days = 7
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
  depends_on = [aws_s3_bucket_versioning.access_logs]
}

data "aws_iam_policy_document" "access_logs" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.access_logs.arn, "${aws_s3_bucket.access_logs.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
  statement {
    sid       = "AllowS3ServerAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.access_logs.arn}/s3/*"]
    principals {
      type        = "Service"
      identifiers = ["logging.s3.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket     = aws_s3_bucket.access_logs.id
  policy     = data.aws_iam_policy_document.access_logs.json
  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

module "cold_cache_bucket" {
  source                     = "../bucket"
  name                       = "${local.bucket_base}-cold-cache"
  kms_key_arn                = module.data_key.key_arn
  access_log_bucket          = aws_s3_bucket.access_logs.id
  expiration_days            = var.cold_cache_expiry_days
  noncurrent_expiration_days = 1
  force_destroy              = !var.protect_data
  tags                       = merge(local.tags, { purpose = "cold-cache" })
}

module "audit_bucket" {
  source            = "../bucket"
  name              = "${local.bucket_base}-audit"
  kms_key_arn       = module.data_key.key_arn
  access_log_bucket = aws_s3_bucket.access_logs.id
  object_lock       = var.audit_retention
  # Locked versions cannot be deleted before retention ends; the lifecycle rule removes them afterwards.
  noncurrent_expiration_days = var.audit_retention.days
  tags                       = merge(local.tags, { purpose = "audit" })
}

module "portal_bucket" {
  source            = "../bucket"
  name              = "${local.bucket_base}-portal"
  kms_key_arn       = module.data_key.key_arn
  access_log_bucket = aws_s3_bucket.access_logs.id
  force_destroy     = !var.protect_data
  cloudfront_read   = { distribution_arn = module.portal_cdn.distribution_arn, prefix = "portal/" }
  tags              = merge(local.tags, { purpose = "portal" })
}

module "portal_cdn" {
  source                      = "../portal_cdn"
  name                        = local.prefix
  bucket_regional_domain_name = "${module.portal_bucket.name}.s3.${data.aws_region.current.name}.amazonaws.com"
  api_domain_name             = "${module.gateway_api.rest_api_id}.execute-api.${data.aws_region.current.name}.amazonaws.com"
  api_stage_name              = module.gateway_api.stage_name
  tags                        = merge(local.tags, { purpose = "portal" })
}

# ---------------------------------------------------------------- secrets
module "secrets" {
  source      = "../secrets"
  name_prefix = local.secret_path
  kms_key_arn = module.data_key.key_arn
  secrets = merge(
    {
      "jwt-signing"  = { description = "HS256 key that signs admin JWTs (admin function)." }
      "key-pepper"   = { description = "HMAC-SHA256 pepper for client API key hashes." }
      "thinking-key" = { description = "Key that signs thinking blocks returned to clients." }
    },
    {
      for name, p in var.upstream_providers : "providers/${name}" => {
        description = "API key of upstream provider ${name}."
        tags        = { provider = name, model = substr(join(" ", p.models), 0, 256) }
      }
    },
  )
  recovery_window_in_days = var.protect_data ? 30 : 0
  tags                    = local.tags
}

# ---------------------------------------------------------------- observability
module "observability" {
  source            = "../observability"
  name_prefix       = local.prefix
  environment       = var.environment
  api_name          = module.gateway_api.api_name
  stage_name        = module.gateway_api.stage_name
  table_names       = module.tables.names
  availability_slo  = var.availability_slo
  first_byte_p95_ms = var.first_byte_p95_ms
  alarm_emails      = var.alarm_emails
  kms_key_arn       = module.ops_key.key_arn
  tags              = local.tags
}

# ---------------------------------------------------------------- gateway function + API
# JVM flags of both functions (the same value as template.yaml, .ci/iac/test_parity.py): C1 only, serial GC, heap
# 75 % of the function memory; numbers and the choice in bench/README.md "Lambda cost and cold start".
locals {
  java_tool_options = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:MaxRAMPercentage=75"
}

# The gateway's runtime (gateway_runtime): "bundled" runs function.zip's `bootstrap` on provided.al2023, x86_64,
# which execs the layer's jlinked Java runtime with its AOT cache (scripts/lambda-runtime.sh; 50 MB zipped at most,
# so a direct upload); "managed" runs java21 on arm64 through the pb-stream-bootstrap exec wrapper.
locals {
  gateway_bundled    = var.gateway_runtime == "bundled"
  gateway_layer_path = coalesce(var.gateway_runtime_layer_path, "${dirname(var.gateway_package_path)}/runtime-layer.zip")
}

resource "aws_lambda_layer_version" "gateway_runtime" {
  count                    = local.gateway_bundled ? 1 : 0
  layer_name               = "${local.prefix}-gateway-runtime"
  description              = "PortBroker gateway: jlinked Temurin 25 runtime (/opt/jre) and its AOT cache (/opt/portbroker.aot)"
  filename                 = local.gateway_layer_path
  source_code_hash         = filebase64sha256(local.gateway_layer_path)
  compatible_runtimes      = ["provided.al2023"]
  compatible_architectures = ["x86_64"]
  license_info             = "GPL-2.0-with-classpath-exception"
}

# Cold starts: SnapStart is NOT used. The gateway runs its own streaming Runtime API loop, started through
# AWS_LAMBDA_EXEC_WRAPPER on the managed java21 runtime (docs/streaming-on-lambda.md); SnapStart snapshots the
# managed runtime's own handler start-up and is incompatible with a wrapper that replaces the runtime client.
# Provisioned concurrency on the live alias (gateway_provisioned_concurrency, set in prod) is used instead.
module "gateway" {
  source        = "../function"
  function_name = "${local.prefix}-gateway"
  description   = "PortBroker data plane: Anthropic Messages API in, OpenAI-compatible providers out (streaming)"
  package_path  = var.gateway_package_path
  handler       = "io.portbroker.fn.gateway.StreamingRuntime::handleRequest" # informational: the wrapper runs the loop
  runtime       = local.gateway_bundled ? "provided.al2023" : "java21"
  architecture  = local.gateway_bundled ? "x86_64" : "arm64"
  layers        = aws_lambda_layer_version.gateway_runtime[*].arn
  memory_size   = var.gateway_memory_size
  timeout       = var.gateway_timeout
  kms_key_arn   = module.data_key.key_arn

  environment_variables = {
    AWS_LAMBDA_EXEC_WRAPPER            = local.gateway_bundled ? null : "/var/task/pb-stream-bootstrap"
    JAVA_TOOL_OPTIONS                  = local.java_tool_options
    PORTBROKER_ENVIRONMENT             = var.environment
    PORTBROKER_TABLE_PREFIX            = local.table_prefix
    PORTBROKER_PEPPER_SECRET_ARN       = module.secrets.arns["key-pepper"]
    PORTBROKER_THINKING_KEY_SECRET_ARN = module.secrets.arns["thinking-key"]
    PORTBROKER_CREDENTIALS_KEY_ARN     = module.credentials_key.key_arn
    PORTBROKER_CACHE_L3_BUCKET         = module.cold_cache_bucket.arn
    PORTBROKER_CONFIG_PATH             = local.config_path
  }

  policy_statements = concat(
    [
      {
        sid       = "AuthenticateByKeyHash" # one GetItem per authentication, never a scan
        actions   = ["dynamodb:GetItem"]
        resources = [module.tables.arns["api-keys"]]
      },
      {
        # Per-key limits: one conditional UpdateItem per admitted request, one UpdateItem to settle tokens.
        sid       = "CountRateLimits"
        actions   = ["dynamodb:UpdateItem", "dynamodb:GetItem"]
        resources = [module.tables.arns["rate-limits"]]
      },
      {
        sid       = "AddUsage" # batched ADD updates, never reads
        actions   = ["dynamodb:UpdateItem"]
        resources = [module.tables.arns["usage"]]
      },
      {
        # FinOps: a PutItem per request row, an UpdateItem ADD per rollup, a Query for the current price table.
        sid       = "RecordCosts"
        actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
        resources = [module.tables.arns["costs"]]
      },
      {
        # Anomalies are appended to the audit chain: Query reads the stream head, a conditional PutItem appends.
        # No UpdateItem or DeleteItem: the trail is append-only for every role.
        sid       = "AppendAudit"
        actions   = ["dynamodb:PutItem", "dynamodb:Query"]
        resources = [module.tables.arns["audit"]]
      },
      {
        # Routing config is loaded by a Scan of two small tables (cached per container); neither table has a
        # sort key or index, so Query is not needed.
        sid       = "ReadRoutingConfig"
        actions   = ["dynamodb:GetItem", "dynamodb:Scan"]
        resources = [module.tables.arns["providers"], module.tables.arns["routes"]]
      },
      {
        # Breakers: one GetItem per target every few seconds, a conditional PutItem per state change.
        sid       = "ShareBreakerState"
        actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
        resources = [module.tables.arns["breaker-state"]]
      },
      {
        sid       = "ServeResponseCache" # L2: one GetItem per cacheable request, PutItem from the write-behind queue
        actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
        resources = [module.tables.arns["response-cache"]]
      },
      {
        sid       = "ServeColdCache" # L3: zstd objects under cache/, expired by the bucket's lifecycle
        actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        resources = ["${module.cold_cache_bucket.arn}/cache/*"]
      },
      {
        sid       = "EncryptColdCache" # the bucket's SSE-KMS data key for new objects
        actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
        resources = [module.data_key.key_arn]
      },
      {
        sid       = "DecryptTables"
        actions   = ["kms:Decrypt"]
        resources = [local.tables_key_arn]
      },
      {
        sid       = "DecryptProviderCredentials" # encrypting them is the admin function's job
        actions   = ["kms:Decrypt"]
        resources = [module.credentials_key.key_arn]
      },
      {
        sid       = "ReadRemoteSettings" # polled every config-poll; String parameters only
        actions   = ["ssm:GetParametersByPath", "ssm:GetParameter"]
        resources = local.config_arns
      },
      {
        sid     = "ReadGatewaySecrets"
        actions = ["secretsmanager:GetSecretValue"]
        resources = concat(
          [module.secrets.arns["key-pepper"], module.secrets.arns["thinking-key"]],
          [for name, arn in module.secrets.arns : arn if startswith(name, "providers/")],
        )
      },
    ],
    # Bedrock Converse (dialect bedrock-converse): only the configured models, and no statement at all without one
    length(var.bedrock_model_arns) == 0 ? [] : [
      {
        sid       = "InvokeBedrockModels"
        actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        resources = var.bedrock_model_arns
      },
    ],
  )

  log_retention_days      = var.log_retention_days
  reserved_concurrency    = var.gateway_reserved_concurrency
  provisioned_concurrency = var.gateway_provisioned_concurrency
  deployment_config_name  = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
  rollback_alarm_names    = module.observability.rollback_alarm_names
  alarm_topic_arn         = module.observability.topic_arn
  tags                    = local.tags
}

module "gateway_api" {
  source                   = "../api"
  name                     = "${local.prefix}-gateway"
  function_name            = module.gateway.function_name
  function_alias_arn       = module.gateway.alias_arn
  admin_function_name      = module.admin.function_name
  admin_function_alias_arn = module.admin.alias_arn
  alias_name               = module.gateway.alias_name
  throttle_rate_limit      = var.api_throttle_rate_limit
  throttle_burst_limit     = var.api_throttle_burst_limit
  kms_key_arn              = module.ops_key.key_arn
  log_retention_days       = var.log_retention_days
  tags                     = local.tags
}

# ---------------------------------------------------------------- admin function + audit archive schedule
# The control plane: the admin API behind /admin/* (buffered proxy integration) and the scheduled audit archive.
# It runs the managed runtime's handler, so SnapStart can restore its started Micronaut context.
module "admin" {
  source        = "../function"
  function_name = "${local.prefix}-admin"
  description   = "PortBroker control plane: admin API (/admin/v1) and the scheduled WORM audit archive"
  package_path  = var.admin_package_path
  handler       = "io.portbroker.fn.admin.AdminFunction::handleRequest"
  runtime       = "java21"
  memory_size   = 1024
  timeout       = 60
  snap_start    = true
  kms_key_arn   = module.data_key.key_arn

  environment_variables = {
    JAVA_TOOL_OPTIONS                            = local.java_tool_options
    PORTBROKER_ENVIRONMENT                       = var.environment
    PORTBROKER_TABLE_PREFIX                      = local.table_prefix
    PORTBROKER_PEPPER_SECRET_ARN                 = module.secrets.arns["key-pepper"]
    PORTBROKER_JWT_SECRET_ARN                    = module.secrets.arns["jwt-signing"]
    PORTBROKER_CREDENTIALS_KEY_ARN               = module.credentials_key.key_arn
    PORTBROKER_AUDIT_ARCHIVE_BUCKET              = module.audit_bucket.name
    PORTBROKER_AUDIT_ARCHIVE_RETENTION_MODE      = var.audit_retention.mode
    PORTBROKER_AUDIT_ARCHIVE_RETENTION_DAYS      = tostring(var.audit_retention.days)
    PORTBROKER_OBSERVABILITY_ALERT_SNS_TOPIC_ARN = module.observability.topic_arn
    PORTBROKER_CONFIG_PATH                       = local.config_path
  }

  policy_statements = [
    {
      sid       = "PublishAlerts" # the scheduled alert rules notify the alarms topic
      actions   = ["sns:Publish"]
      resources = [module.observability.topic_arn]
    },
    {
      sid       = "UseOpsKeyForAlerts" # the alarms topic is SSE-KMS with the ops key
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [module.ops_key.key_arn]
    },
    {
      # Keys: issue and rotate (PutItem), get (GetItem), list (Scan), look up by id (Query on by-key-id),
      # search by name prefix (Query on by-name).
      sid     = "ManageKeys"
      actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query"]
      resources = [
        module.tables.arns["api-keys"],
        "${module.tables.arns["api-keys"]}/index/by-key-id",
        "${module.tables.arns["api-keys"]}/index/by-name",
      ]
    },
    {
      sid       = "ManageRoutingConfig" # loaded by Scan, written and deleted item by item; edits bump the #config version item
      actions   = ["dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:UpdateItem"]
      resources = [module.tables.arns["providers"], module.tables.arns["routes"]]
    },
    {
      sid       = "ManageResponseCache" # /admin/v1/cache: entry lookup (GetItem), namespace bumps (PutItem)
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
      resources = [module.tables.arns["response-cache"]]
    },
    {
      sid       = "ReadUsage" # the gateway writes usage; the admin API only reads it
      actions   = ["dynamodb:GetItem", "dynamodb:Query"]
      resources = [module.tables.arns["usage"]]
    },
    {
      # FinOps: Query reads rollups and price versions; a conditional PutItem writes the next price version.
      sid       = "ReadCostsWritePrices"
      actions   = ["dynamodb:Query", "dynamodb:PutItem"]
      resources = [module.tables.arns["costs"]]
    },
    {
      # Append-only like every role: Query reads the chain (and what the archiver copies), a conditional PutItem
      # appends. No UpdateItem or DeleteItem.
      sid       = "AppendAndReadAudit"
      actions   = ["dynamodb:PutItem", "dynamodb:Query"]
      resources = [module.tables.arns["audit"]]
    },
    {
      # Admin users, login throttling and refresh-token rotation (a transaction of an update, a condition check
      # and a put).
      sid     = "AdminSessions"
      actions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"]
      resources = [
        module.tables.arns["admin-users"],
        module.tables.arns["refresh-tokens"],
        module.tables.arns["login-attempts"],
      ]
    },
    {
      sid       = "DecryptTables"
      actions   = ["kms:Decrypt"]
      resources = [local.tables_key_arn]
    },
    {
      sid       = "SealProviderCredentials"
      actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.credentials_key.key_arn]
    },
    {
      sid       = "ReadAdminSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [module.secrets.arns["jwt-signing"], module.secrets.arns["key-pepper"]]
    },
    {
      sid       = "EditRemoteSettings" # PATCH /admin/v1/config; String parameters (no SecureString, no KMS)
      actions   = ["ssm:GetParametersByPath", "ssm:GetParameter", "ssm:PutParameter", "ssm:DeleteParameter"]
      resources = local.config_arns
    },
    {
      sid       = "UseDataKey" # secrets, the environment and the SSE-KMS archive bucket
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [module.data_key.key_arn]
    },
    {
      # Locked objects under audit/ only; GetObject serves HEAD (idempotency) and verification. No DeleteObject,
      # and s3:BypassGovernanceRetention is never granted.
      sid       = "WriteAuditArchive"
      actions   = ["s3:PutObject", "s3:PutObjectRetention", "s3:GetObject"]
      resources = ["${module.audit_bucket.arn}/audit/*"]
    },
    {
      # Listing the archived batches; the module's statements carry no conditions, so the prefix is enforced by
      # the object statement above (nothing outside audit/ can be read or written).
      sid       = "ListAuditArchive"
      actions   = ["s3:ListBucket"]
      resources = [module.audit_bucket.arn]
    },
  ]

  log_retention_days     = var.log_retention_days
  reserved_concurrency   = 10
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
  alarm_topic_arn        = module.observability.topic_arn
  tags                   = local.tags
}

# admin "test connection" of a Bedrock provider (POST /admin/v1/providers/{id}/test): one non-streamed Converse call
# through the gateway's own SDK client, only on the configured models and only when some are configured
resource "aws_iam_role_policy" "admin_bedrock_test" {
  count = length(var.bedrock_model_arns) == 0 ? 0 : 1
  name  = "test-bedrock-models"
  role  = module.admin.role_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "TestBedrockModels"
      Effect   = "Allow"
      Action   = "bedrock:InvokeModel"
      Resource = var.bedrock_model_arns
    }]
  })
}

resource "aws_cloudwatch_event_rule" "audit_archive" {
  name                = "${local.prefix}-audit-archive"
  description         = "Copies sealed audit records into the Object Lock bucket (admin function, live alias)."
  schedule_expression = var.audit_archive_schedule
  tags                = local.tags
}

resource "aws_cloudwatch_event_target" "audit_archive" {
  rule = aws_cloudwatch_event_rule.audit_archive.name
  arn  = module.admin.alias_arn
}

resource "aws_lambda_permission" "audit_archive" {
  statement_id  = "AllowAuditArchiveSchedule"
  action        = "lambda:InvokeFunction"
  function_name = module.admin.function_name
  qualifier     = module.admin.alias_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.audit_archive.arn
}

# ---------------------------------------------------------------- alert rules schedule (#14)
# The in-application alert rules (provider_unhealthy, breaker_open_long, cost_anomaly, …) evaluated every minute
# by the admin function, which publishes to the alarms topic; the twin of SAM's AlertRules event.
resource "aws_cloudwatch_event_rule" "alerts" {
  name                = "${local.prefix}-alerts"
  description         = "Evaluates the in-application alert rules and notifies the alarms topic (admin function)."
  schedule_expression = "rate(1 minute)"
  tags                = local.tags
}

resource "aws_cloudwatch_event_target" "alerts" {
  rule = aws_cloudwatch_event_rule.alerts.name
  arn  = module.admin.alias_arn
}

resource "aws_lambda_permission" "alerts" {
  statement_id  = "AllowAlertRulesSchedule"
  action        = "lambda:InvokeFunction"
  function_name = module.admin.function_name
  qualifier     = module.admin.alias_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.alerts.arn
}
