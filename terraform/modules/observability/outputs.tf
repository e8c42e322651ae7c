output "topic_arn" {
  description = "SNS topic that receives every alarm."
  value       = aws_sns_topic.alarms.arn
}

output "rollback_alarm_names" {
  description = "Alarms that stop and roll back a canary deployment: 5xx rate and p95 time to first byte."
  value       = [aws_cloudwatch_metric_alarm.api_5xx_rate.alarm_name, aws_cloudwatch_metric_alarm.first_byte_p95.alarm_name]
}
