variable "name_prefix" {
  type        = string
  description = "Secret name prefix, e.g. portbroker/prod; secrets are <name_prefix>/<key>."
}

variable "secrets" {
  type = map(object({
    description = string
    tags        = optional(map(string), {})
  }))
  description = "Secrets to declare, keyed by the name suffix. Values are never written by Terraform (no secret material in state); operators set them with put-secret-value (docs/operations/rotating-secrets.md)."
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key that encrypts the secret values."
}

variable "recovery_window_in_days" {
  type        = number
  description = "Days a deleted secret stays recoverable (0 deletes at once; use 7-30 outside dev)."
  default     = 30
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags applied to every secret."
  default     = {}
}
