variable "function_name" {
  type        = string
  description = "Lambda function name, e.g. pb-prod-gateway."
}

variable "description" {
  type        = string
  description = "What the function does."
}

variable "package_path" {
  type        = string
  description = "Path of the deployment zip (e.g. functions/portbroker-fn-gateway/target/function.zip)."
}

variable "handler" {
  type        = string
  description = "Handler value. The gateway's exec wrapper starts its own runtime loop, so there it is informational."
}

variable "runtime" {
  type        = string
  description = "Runtime identifier: a managed one (java21) or provided.al2023 (a custom runtime from a layer)."
  default     = "java21"
}

variable "architecture" {
  type        = string
  description = "Instruction set: arm64 (Graviton, cheaper per GB-second) or x86_64."
  default     = "arm64"
  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_size" {
  type        = number
  description = "Memory in MB; CPU scales with it (1536 MB is about one full vCPU)."
  default     = 1536
}

variable "timeout" {
  type        = number
  description = "Timeout in seconds; 900 covers the longest LLM streams."
  default     = 900
}

variable "snap_start" {
  type        = bool
  description = "SnapStart on published versions (managed-runtime handlers only; not with an exec-wrapper runtime loop)."
  default     = false
}

variable "environment_variables" {
  type        = map(string)
  description = "Environment variables. Only names and ARNs, never secret values; a null value leaves the variable out."
  default     = {}
}

variable "layers" {
  type        = list(string)
  description = "Layer version ARNs (the gateway's bundled Java runtime on provided.al2023); none on managed runtimes."
  default     = []
}

variable "policy_statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  description = "The function's least-privilege statements (data access); logging and tracing permissions are added by the module."
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed key that encrypts the environment variables and the log group."
}

variable "log_retention_days" {
  type        = number
  description = "CloudWatch Logs retention of the function's log group."
  default     = 30
}

variable "reserved_concurrency" {
  type        = number
  description = "Reserved concurrent executions (caps cost and protects the rest of the account); -1 for unreserved."
  default     = -1
}

variable "provisioned_concurrency" {
  type        = number
  description = "Provisioned concurrency on the live alias (the cold-start measure where SnapStart cannot be used); 0 for none."
  default     = 0
}

variable "deployment_config_name" {
  type        = string
  description = "CodeDeploy configuration for shifting the live alias to a new version."
  default     = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
}

variable "rollback_alarm_names" {
  type        = list(string)
  description = "CloudWatch alarms (besides the function's own error alarm) that stop and roll back a deployment."
  default     = []
}

variable "alarm_topic_arn" {
  type        = string
  description = "SNS topic that receives the function's alarms."
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags."
  default     = {}
}
