variable "name" {
  type        = string
  description = "Globally unique bucket name."
}

variable "kms_key_arn" {
  type        = string
  description = "Customer-managed KMS key for default encryption (SSE-KMS with S3 Bucket Keys)."
}

variable "access_log_bucket" {
  type        = string
  description = "Name of the bucket that receives this bucket's S3 server access logs."
}

variable "expiration_days" {
  type        = number
  description = "Delete current objects this many days after creation; null keeps them (the audit archive relies on Object Lock retention instead)."
  default     = null
}

variable "noncurrent_expiration_days" {
  type        = number
  description = "Delete non-current object versions this many days after they become non-current."
  default     = 30
}

variable "object_lock" {
  type = object({
    mode = string
    days = number
  })
  description = "Object Lock default retention (WORM) for immutable storage; mode COMPLIANCE (nobody can shorten it, not even root) or GOVERNANCE (privileged override). null disables Object Lock."
  default     = null
  validation {
    condition     = var.object_lock == null || contains(["COMPLIANCE", "GOVERNANCE"], try(var.object_lock.mode, ""))
    error_message = "object_lock.mode must be COMPLIANCE or GOVERNANCE."
  }
}

variable "force_destroy" {
  type        = bool
  description = "Allow terraform destroy to empty the bucket (dev and perf only; never with Object Lock)."
  default     = false
}

variable "tags" {
  type        = map(string)
  description = "Cost-allocation and ownership tags applied to the bucket."
  default     = {}
}

variable "cloudfront_read" {
  type = object({
    distribution_arn = string
    prefix           = string
  })
  description = "Lets one CloudFront distribution (Origin Access Control) read objects under prefix; null grants nothing."
  default     = null
}
