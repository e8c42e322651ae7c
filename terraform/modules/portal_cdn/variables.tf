variable "name" {
  type        = string
  description = "Name prefix of the CloudFront resources, e.g. pb-prod."
}

variable "bucket_regional_domain_name" {
  type        = string
  description = "Regional domain name of the portal bucket (the built portal lives under portal/ in it)."
}

variable "api_domain_name" {
  type        = string
  description = "Domain of the REST API that serves /admin/* (<api-id>.execute-api.<region>.amazonaws.com)."
}

variable "api_stage_name" {
  type        = string
  description = "Stage of that API; becomes the origin path."
}

variable "content_security_policy" {
  type        = string
  description = "The portal's Content-Security-Policy header (same origin only; equal to the SAM template's)."
  default     = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
}

variable "tags" {
  type        = map(string)
  description = "Tags of the distribution."
  default     = {}
}
