output "name" {
  description = "Bucket name."
  value       = aws_s3_bucket.this.id
}

output "arn" {
  description = "Bucket ARN (objects are <arn>/*)."
  value       = aws_s3_bucket.this.arn
}
