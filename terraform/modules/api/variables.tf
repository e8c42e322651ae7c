variable "name" {
  type        = string
  description = "REST API name, e.g. pb-prod-gateway."
}

variable "stage_name" {
  type        = string
  description = "Stage name; clients use https://<api>/<stage> as their base URL."
  default     = "api"
}

variable "function_name" {
  type        = string
  description = "Name of the function that serves every route."
}

variable "function_alias_arn" {
  type        = string
  description = "ARN of the function's live alias; the integration invokes it with InvokeWithResponseStream."
}

variable "admin_function_name" {
  type        = string
  description = "Name of the admin function that serves /admin/*."
}

variable "admin_function_alias_arn" {
  type        = string
  description = "ARN of the admin function's live alias; /admin/* invokes it through a buffered proxy integration."
}

variable "alias_name" {
  type        = string
  description = "Alias name the invoke permission is granted on."
  default     = "live"
}

variable "integration_timeout_ms" {
  type        = number
  description = "Integration timeout; streamed integrations may use up to 900000 ms (15 minutes)."
  default     = 900000
}

variable "throttle_rate_limit" {
  type        = number
  description = "Stage-wide steady-state request rate (requests per second) before API Gateway answers 429."
  default     = 200
}

variable "throttle_burst_limit" {
  type        = number
  description = "Stage-wide burst capacity."
  default     = 400
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed key that encrypts the access-log group."
}

variable "log_retention_days" {
  type        = number
  description = "Retention of the access-log group."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags."
  default     = {}
}
