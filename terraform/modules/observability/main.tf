# SLOs and their alarms, all delivered to one encrypted SNS topic.
#   Availability: availability_slo of requests without a 5xx over 30 days. Error budget = 1 - SLO. Burn-rate
#   alarms follow the multi-window pattern of the Google SRE workbook: page when the budget burns 14.4x too fast
#   (1 h and 5 min windows agree: 2 % of the monthly budget in one hour), ticket at 6x (6 h and 30 min).
#   Latency: p95 of time to first byte below first_byte_p95_ms. API Gateway's Latency metric spans the whole
#   stream (minutes for long generations), so the gateway publishes FirstByteLatency (milliseconds) through
#   CloudWatch embedded metric format in namespace PortBroker with dimensions Service and Environment.
locals {
  api_dimensions = { ApiName = var.api_name, Stage = var.stage_name }
  budget         = 1 - var.availability_slo
  burn_windows = {
    fast-1h  = { period = 3600, factor = 14.4 }
    fast-5m  = { period = 300, factor = 14.4 }
    slow-6h  = { period = 21600, factor = 6 }
    slow-30m = { period = 1800, factor = 6 }
  }
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name_prefix}-alarms"
  kms_master_key_id = var.kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each  = toset(var.alarm_emails)
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name_prefix}-api-5xx-rate"
  alarm_description   = "More than 1 % of API requests ended in a 5xx over 5 minutes (rolls back a canary)."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  dimensions          = local.api_dimensions
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 0.01
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "first_byte_p95" {
  alarm_name          = "${var.name_prefix}-first-byte-p95"
  alarm_description   = "p95 time to first byte above the latency SLO for 5 minutes (rolls back a canary)."
  namespace           = "PortBroker"
  metric_name         = "FirstByteLatency"
  dimensions          = { Service = "portbroker", Environment = var.environment }
  extended_statistic  = "p95"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = var.first_byte_p95_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "api_throttles" {
  alarm_name          = "${var.name_prefix}-api-4xx-surge"
  alarm_description   = "More than 5 % of requests answered 4xx (stage throttling 429s, per-key rate limits or rejected keys) for 10 minutes."
  namespace           = "AWS/ApiGateway"
  metric_name         = "4XXError"
  dimensions          = local.api_dimensions
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 10
  datapoints_to_alarm = 8
  threshold           = 0.05
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "burn" {
  for_each            = local.burn_windows
  alarm_name          = "${var.name_prefix}-error-budget-burn-${each.key}"
  alarm_description   = "5xx ratio over ${each.value.period / 60} minutes burns the ${var.availability_slo} SLO budget ${each.value.factor}x too fast."
  namespace           = "AWS/ApiGateway"
  metric_name         = "5XXError"
  dimensions          = local.api_dimensions
  statistic           = "Average"
  period              = each.value.period
  evaluation_periods  = 1
  threshold           = each.value.factor * local.budget
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  tags                = var.tags
}

resource "aws_cloudwatch_composite_alarm" "burn_fast" {
  alarm_name        = "${var.name_prefix}-error-budget-fast-burn"
  alarm_description = "Page: 2 % of the monthly error budget spent within one hour."
  alarm_rule        = "ALARM(\"${aws_cloudwatch_metric_alarm.burn["fast-1h"].alarm_name}\") AND ALARM(\"${aws_cloudwatch_metric_alarm.burn["fast-5m"].alarm_name}\")"
  alarm_actions     = [aws_sns_topic.alarms.arn]
  ok_actions        = [aws_sns_topic.alarms.arn]
  tags              = var.tags
}

resource "aws_cloudwatch_composite_alarm" "burn_slow" {
  alarm_name        = "${var.name_prefix}-error-budget-slow-burn"
  alarm_description = "Ticket: 5 % of the monthly error budget spent within six hours."
  alarm_rule        = "ALARM(\"${aws_cloudwatch_metric_alarm.burn["slow-6h"].alarm_name}\") AND ALARM(\"${aws_cloudwatch_metric_alarm.burn["slow-30m"].alarm_name}\")"
  alarm_actions     = [aws_sns_topic.alarms.arn]
  tags              = var.tags
}

resource "aws_cloudwatch_metric_alarm" "table_throttles" {
  for_each            = var.table_names
  alarm_name          = "${var.name_prefix}-ddb-throttles-${each.key}"
  alarm_description   = "DynamoDB read or write throttle events on ${each.value} (see docs/operations/runbooks/dynamodb-throttling.md)."
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  metric_query {
    id          = "throttles"
    expression  = "FILL(reads, 0) + FILL(writes, 0)"
    label       = "Throttle events"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = { reads = "ReadThrottleEvents", writes = "WriteThrottleEvents" }
    content {
      id = metric_query.key
      metric {
        namespace   = "AWS/DynamoDB"
        metric_name = metric_query.value
        dimensions  = { TableName = each.value }
        stat        = "Sum"
        period      = 60
      }
    }
  }
}

data "aws_region" "current" {}

# The operations dashboard; twin of OperationsDashboard in template.yaml (.ci/iac/test_dashboards.py compares them).
resource "aws_cloudwatch_dashboard" "operations" {
  dashboard_name = "${var.name_prefix}-operations"
  dashboard_body = jsonencode({
    widgets = [
      { type = "metric", x = 0, y = 0, width = 12, height = 6, properties = {
        title = "API requests and 5xx", region = data.aws_region.current.name, stat = "Sum", period = 60,
        metrics = [
          ["AWS/ApiGateway", "Count", "ApiName", var.api_name, "Stage", var.stage_name],
          ["AWS/ApiGateway", "5XXError", "ApiName", var.api_name, "Stage", var.stage_name],
        ]
      } },
      { type = "metric", x = 12, y = 0, width = 12, height = 6, properties = {
        title   = "Time to first byte p95 (SLO)", region = data.aws_region.current.name, stat = "p95", period = 60,
        metrics = [["PortBroker", "FirstByteLatency", "Service", "portbroker", "Environment", var.environment]]
      } },
      { type = "metric", x = 0, y = 6, width = 12, height = 6, properties = {
        title   = "Errors by category", region = data.aws_region.current.name, period = 300,
        metrics = [[{ id = "errors", expression = "SEARCH('{PortBroker,Environment,Service,category} MetricName=\"error_rate_by_category\" Environment=\"${var.environment}\"', 'Sum', 300)" }]]
      } },
      { type = "metric", x = 12, y = 6, width = 12, height = 6, properties = {
        title   = "Tokens by provider", region = data.aws_region.current.name, period = 300,
        metrics = [[{ id = "tokens", expression = "SEARCH('{PortBroker,Environment,Service,direction,model,provider} MetricName=\"tokens\" Environment=\"${var.environment}\"', 'Sum', 300)" }]]
      } },
      { type = "metric", x = 0, y = 12, width = 12, height = 6, properties = {
        title = "Gateway overhead and TTFT", region = data.aws_region.current.name, period = 300,
        metrics = [
          [{ id = "overhead", expression = "SEARCH('{PortBroker,Environment,Service} MetricName=\"portbroker_overhead\" Environment=\"${var.environment}\"', 'p95', 300)" }],
          [{ id = "ttft", expression = "SEARCH('{PortBroker,Environment,Service,provider} MetricName=\"time_to_first_token\" Environment=\"${var.environment}\"', 'p95', 300)" }],
        ]
      } },
      { type = "metric", x = 12, y = 12, width = 12, height = 6, properties = {
        title   = "Breaker state by target", region = data.aws_region.current.name, period = 60,
        metrics = [[{ id = "breakers", expression = "SEARCH('{PortBroker,Environment,Service,target} MetricName=\"breaker_state\" Environment=\"${var.environment}\"', 'Maximum', 60)" }]]
      } },
    ]
  })
}
