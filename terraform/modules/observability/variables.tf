variable "name_prefix" {
  type        = string
  description = "Prefix of alarm and topic names, e.g. pb-prod."
}

variable "environment" {
  type        = string
  description = "Environment name; the Environment dimension of PortBroker's own metrics."
}

variable "api_name" {
  type        = string
  description = "REST API name (ApiName dimension)."
}

variable "stage_name" {
  type        = string
  description = "REST API stage (Stage dimension)."
}

variable "table_names" {
  type        = map(string)
  description = "Physical DynamoDB table names by schema name; each gets a throttling alarm."
}

variable "availability_slo" {
  type        = number
  description = "Availability SLO: fraction of requests that must not end in a 5xx over 30 days (0.999 = 43 minutes of error budget)."
  default     = 0.999
}

variable "first_byte_p95_ms" {
  type        = number
  description = "Latency SLO: p95 of the gateway's time to first byte, in milliseconds."
  default     = 500
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses subscribed to the alarm topic (each must confirm)."
  default     = []
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed key that encrypts the alarm topic (its policy must allow cloudwatch.amazonaws.com)."
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags."
  default     = {}
}
