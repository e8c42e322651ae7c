output "function_name" {
  description = "Function name."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified function ARN."
  value       = aws_lambda_function.this.arn
}

output "alias_name" {
  description = "Name of the alias that receives traffic (live)."
  value       = aws_lambda_alias.live.name
}

output "alias_arn" {
  description = "ARN of the live alias; integrations and permissions target it, never $LATEST."
  value       = aws_lambda_alias.live.arn
}

output "role_name" {
  description = "Execution role name."
  value       = aws_iam_role.this.name
}

output "log_group_name" {
  description = "Log group of the function."
  value       = aws_cloudwatch_log_group.this.name
}

output "codedeploy_app" {
  description = "CodeDeploy application that shifts the live alias."
  value       = aws_codedeploy_app.this.name
}

output "codedeploy_group" {
  description = "CodeDeploy deployment group (canary, automatic rollback)."
  value       = aws_codedeploy_deployment_group.this.deployment_group_name
}
