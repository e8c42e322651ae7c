variable "environment" {
  type        = string
  description = "Environment name; becomes the env cost-allocation tag and part of every resource name."
  validation {
    condition     = contains(["dev", "staging", "prod", "perf", "dr"], var.environment)
    error_message = "environment must be one of dev, staging, prod, perf, dr."
  }
}

variable "table_schema" {
  type = object({
    tables = list(object({
      name         = string
      partitionKey = object({ name = string, type = string })
      sortKey      = optional(object({ name = string, type = string }))
      ttlAttribute = optional(string)
      globalSecondaryIndexes = list(object({
        name         = string
        partitionKey = object({ name = string, type = string })
        sortKey      = optional(object({ name = string, type = string }))
        projection   = string
      }))
    }))
  })
  description = "jsondecode(file(\".../infra/portbroker-dynamodb/src/main/resources/io/portbroker/dynamodb/tables.json\")), the single table schema."
}

variable "table_prefix" {
  type        = string
  description = "Physical table-name prefix; null means pb-<environment>. The DR stack sets pb-prod to use the prod global-table replicas."
  default     = null
}

variable "manage_tables" {
  type        = bool
  description = "Create the tables (and their KMS key) in this stack; false attaches to existing replicas (DR stack)."
  default     = true
}

variable "replica_region" {
  type        = string
  description = "Region of the global-table replicas (and of the replica table key); null for a single-region stack."
  default     = null
}

variable "gateway_package_path" {
  type        = string
  description = "Path of the gateway deployment zip built by Maven (lib/*.jar plus the pb-stream-bootstrap script)."
}

variable "gateway_runtime" {
  type        = string
  description = <<-EOT
    How the gateway's JVM runs: "bundled" = provided.al2023 on x86_64 with the layer of scripts/lambda-runtime.sh (a
    jlinked Temurin 25 and the AOT cache it wrote at package time; faster cold start, x86_64 costs 25 % more per
    GB-second than arm64: README "Lambda cost and cold start"), "managed" = the java21 runtime on arm64, no cache.
    The same choice as template.yaml's GatewayRuntime parameter.
  EOT
  default     = "bundled"
  nullable    = false
  validation {
    condition     = contains(["bundled", "managed"], var.gateway_runtime)
    error_message = "gateway_runtime must be bundled or managed."
  }
}

variable "gateway_runtime_layer_path" {
  type        = string
  description = "The bundled runtime layer zip (scripts/lambda-runtime.sh); null: runtime-layer.zip next to gateway_package_path."
  default     = null
}

variable "admin_package_path" {
  type        = string
  description = "Path of the admin function's deployment zip built by Maven (lib/*.jar)."
}

variable "audit_archive_schedule" {
  type        = string
  description = "EventBridge schedule of the audit archive run (the admin function copies sealed records to the WORM bucket)."
  default     = "rate(1 hour)"
}

variable "gateway_memory_size" {
  type        = number
  description = "Gateway memory in MB (1024-2048 suits long LLM streams; CPU scales with memory)."
  default     = 1536
  validation {
    condition     = var.gateway_memory_size >= 1024 && var.gateway_memory_size <= 2048
    error_message = "gateway_memory_size must be between 1024 and 2048 MB."
  }
}

variable "gateway_timeout" {
  type        = number
  description = "Gateway timeout in seconds (900 = 15 minutes, the streaming limit)."
  default     = 900
}

variable "gateway_provisioned_concurrency" {
  type        = number
  description = "Provisioned concurrency on the gateway's live alias; the cold-start measure in prod (SnapStart is incompatible with the exec-wrapper runtime loop)."
  default     = 0
}

variable "gateway_reserved_concurrency" {
  type        = number
  description = "Reserved concurrency of the gateway (cost ceiling); -1 for unreserved."
  default     = -1
}

variable "log_retention_days" {
  type        = number
  description = "Retention of function and API access logs."
  default     = 30
}

variable "cold_cache_expiry_days" {
  type        = number
  description = "Days after which cold-cache objects (zstd) expire."
  default     = 14
}

variable "audit_retention" {
  type = object({
    mode = string
    days = number
  })
  description = "Object Lock default retention of the audit archive: COMPLIANCE in prod (immutable even for root), GOVERNANCE elsewhere."
  default     = { mode = "GOVERNANCE", days = 30 }
}

variable "upstream_providers" {
  type = map(object({
    models = list(string)
  }))
  description = "Upstream providers whose API key lives in Secrets Manager (portbroker/<env>/providers/<name>), with the models routed to them (cost-allocation tags provider and model)."
  default     = {}
}

variable "availability_slo" {
  type        = number
  description = "Availability SLO (fraction of requests without 5xx over 30 days)."
  default     = 0.999
}

variable "first_byte_p95_ms" {
  type        = number
  description = "Latency SLO: p95 time to first byte in milliseconds."
  default     = 500
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses for alarm notifications."
  default     = []
}

variable "api_throttle_rate_limit" {
  type        = number
  description = "API stage steady-state rate limit (requests per second)."
  default     = 200
}

variable "api_throttle_burst_limit" {
  type        = number
  description = "API stage burst limit."
  default     = 400
}

variable "protect_data" {
  type        = bool
  description = "Deletion protection on tables and no force-destroy on buckets (true everywhere except throw-away dev/perf stacks)."
  default     = true
}

variable "tags" {
  type        = map(string)
  description = "Extra tags (owner, cost centre) merged into the env and service cost-allocation tags."
  default     = {}
}

variable "bedrock_model_arns" {
  type        = list(string)
  description = "Bedrock models the gateway may call (providers with dialect bedrock-converse): foundation-model ARNs (arn:aws:bedrock:REGION::foundation-model/ID) and inference-profile ARNs; an inference profile also needs the foundation-model ARN in every region it routes to. Empty: no Bedrock permission at all."
  default     = []
  validation {
    condition     = alltrue([for arn in var.bedrock_model_arns : can(regex("^arn:aws(-[a-z]+)*:bedrock:[a-z]{2}(-[a-z]+)+-[0-9]{1,2}:([0-9]{12})?:(foundation-model|inference-profile|application-inference-profile|provisioned-model)/[A-Za-z0-9][A-Za-z0-9._:-]*$", arn))])
    error_message = "bedrock_model_arns must be Bedrock model or inference-profile ARNs without wildcards."
  }
}
