output "rest_api_id" {
  description = "REST API id."
  value       = aws_api_gateway_rest_api.this.id
}

output "api_name" {
  description = "REST API name (the ApiName dimension of its metrics)."
  value       = aws_api_gateway_rest_api.this.name
}

output "stage_name" {
  description = "Stage name (the Stage dimension of its metrics)."
  value       = aws_api_gateway_stage.this.stage_name
}

output "invoke_url" {
  description = "Base URL for clients (ANTHROPIC_BASE_URL)."
  value       = aws_api_gateway_stage.this.invoke_url
}
