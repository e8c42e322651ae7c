variable "region" {
  type        = string
  description = "Primary AWS region of the staging environment."
  default     = "us-east-1"
}

variable "replica_region" {
  type        = string
  description = "Region of the DR replicas (global tables, replica table key)."
  default     = "us-west-2"
}

variable "gateway_package_path" {
  type        = string
  description = "Gateway deployment zip; defaults to the Maven build output."
  default     = null
}

variable "gateway_runtime" {
  type        = string
  description = "bundled (provided.al2023, x86_64, the layer of scripts/lambda-runtime.sh) or managed (java21, arm64); null: the module's default."
  default     = null
}

variable "admin_package_path" {
  type        = string
  description = "Admin function deployment zip; defaults to the Maven build output."
  default     = null
}

variable "alarm_emails" {
  type        = list(string)
  description = "E-mail addresses that receive this environment's alarms."
  default     = []
}

variable "bedrock_model_arns" {
  type        = list(string)
  description = "Bedrock model and inference-profile ARNs the gateway may invoke (see modules/portbroker)."
  default     = []
}
