# The public REST API. Every path goes to the gateway's live alias through a Lambda proxy integration in STREAM
# response transfer mode (InvokeWithResponseStream, the 2021-11-15 `response-streaming-invocations` path), so SSE
# reaches the client as the function writes it, for up to 15 minutes; except /admin/*, which goes to the admin
# function's live alias through a buffered proxy integration (JSON answers, 29 s).
#
# AWS provider 5.100.0 (the pinned version) predates the `response_transfer_mode` argument of
# aws_api_gateway_integration (added in 6.x) and caps `timeout_milliseconds` at 300000. The API is therefore
# declared as an OpenAPI body: API Gateway itself reads `responseTransferMode` and `timeoutInMillis` from the
# x-amazon-apigateway-integration extension on import, which is the documented way to create streaming
# integrations and needs no provider support. template.yaml declares the same integration.
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  integration = {
    type                 = "aws_proxy"
    httpMethod           = "POST"
    uri                  = "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}:lambda:path/2021-11-15/functions/${var.function_alias_arn}/response-streaming-invocations"
    responseTransferMode = "STREAM"
    timeoutInMillis      = var.integration_timeout_ms
    passthroughBehavior  = "when_no_match"
  }
  admin_integration = {
    type                 = "aws_proxy"
    httpMethod           = "POST"
    uri                  = "arn:${data.aws_partition.current.partition}:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/${var.admin_function_alias_arn}/invocations"
    responseTransferMode = "BUFFERED"
    timeoutInMillis      = 29000
    passthroughBehavior  = "when_no_match"
  }
  openapi = {
    openapi = "3.0.1"
    info    = { title = var.name, version = "1" }
    paths = {
      "/" = {
        x-amazon-apigateway-any-method = { x-amazon-apigateway-integration = local.integration }
      }
      "/{proxy+}" = {
        x-amazon-apigateway-any-method = {
          parameters                      = [{ name = "proxy", "in" = "path", required = true, schema = { type = "string" } }]
          x-amazon-apigateway-integration = local.integration
        }
      }
      "/admin/{proxy+}" = {
        x-amazon-apigateway-any-method = {
          parameters                      = [{ name = "proxy", "in" = "path", required = true, schema = { type = "string" } }]
          x-amazon-apigateway-integration = local.admin_integration
        }
      }
    }
  }
}

resource "aws_api_gateway_rest_api" "this" {
  name = var.name
  body = jsonencode(local.openapi)
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  tags = var.tags
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}/access"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_api_gateway_stage" "this" {
  #checkov:skip=CKV_AWS_120:Responses are per-caller LLM streams and must never be served from the API Gateway cache; PortBroker caches inside the function with key-scoped entries.
  #checkov:skip=CKV2_AWS_51:Public API for SDK clients that authenticate with API keys; mutual TLS client certificates are not part of the client contract.
  #checkov:skip=CKV2_AWS_29:WAF is attached per account by the edge team when needed; the gateway authenticates every call, rate-limits per key and the stage throttles (see docs/operations/runbooks/429-surge.md).
  rest_api_id          = aws_api_gateway_rest_api.this.id
  deployment_id        = aws_api_gateway_deployment.this.id
  stage_name           = var.stage_name
  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      ip                 = "$context.identity.sourceIp"
      requestTime        = "$context.requestTime"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      status             = "$context.status"
      responseLength     = "$context.responseLength"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integration.status"
      xrayTraceId        = "$context.xrayTraceId"
    })
  }

  tags = var.tags
}

resource "aws_api_gateway_method_settings" "all" {
  #checkov:skip=CKV_AWS_225:Caching is deliberately off (per-caller LLM streams); see the stage.
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    data_trace_enabled     = false # full request logging would write prompts and keys to CloudWatch
    caching_enabled        = false
    throttling_rate_limit  = var.throttle_rate_limit
    throttling_burst_limit = var.throttle_burst_limit
  }
}

resource "aws_lambda_permission" "invoke" {
  statement_id  = "AllowApiGatewayInvoke"
  action        = "lambda:InvokeFunction" # also authorises InvokeWithResponseStream
  function_name = var.function_name
  qualifier     = var.alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/*"
}

resource "aws_lambda_permission" "invoke_admin" {
  statement_id  = "AllowApiGatewayInvokeAdmin"
  action        = "lambda:InvokeFunction"
  function_name = var.admin_function_name
  qualifier     = var.alias_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/*/admin/*"
}
