output "distribution_arn" {
  description = "ARN of the distribution (the portal bucket policy lets only it read)."
  value       = aws_cloudfront_distribution.this.arn
}

output "distribution_id" {
  description = "Distribution to invalidate after a portal deploy."
  value       = aws_cloudfront_distribution.this.id
}

output "url" {
  description = "The admin portal (HTTPS only)."
  value       = "https://${aws_cloudfront_distribution.this.domain_name}/portal/"
}
