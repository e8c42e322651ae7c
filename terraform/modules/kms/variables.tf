variable "name" {
  type        = string
  description = "Alias suffix and Name tag of the key, e.g. pb-prod-tables (the alias becomes alias/<name>)."
}

variable "description" {
  type        = string
  description = "What the key protects; shown in the KMS console."
}

variable "service_principals" {
  type        = list(string)
  description = "AWS service principals (e.g. logs.us-east-1.amazonaws.com) that encrypt or decrypt directly with this key and so need a key-policy grant; IAM principals of the account are governed by IAM policies instead."
  default     = []
}

variable "multi_region" {
  type        = bool
  description = "Create a multi-Region primary key, so that a replica key can protect DynamoDB global-table replicas in the DR region."
  default     = false
}

variable "deletion_window_in_days" {
  type        = number
  description = "Waiting period before a scheduled key deletion takes effect (7-30 days)."
  default     = 30
  validation {
    condition     = var.deletion_window_in_days >= 7 && var.deletion_window_in_days <= 30
    error_message = "deletion_window_in_days must be between 7 and 30."
  }
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags applied to the key."
  default     = {}
}

variable "cloudfront_decrypt" {
  type        = bool
  description = "Let CloudFront (Origin Access Control) decrypt objects for this account's distributions (the portal bucket's key)."
  default     = false
}
