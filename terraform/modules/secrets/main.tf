# Secrets live in Secrets Manager, encrypted with a customer-managed key. Functions receive only the ARNs in their
# environment and read values at start-up; Terraform declares the containers but never the values.
resource "aws_secretsmanager_secret" "this" {
  #checkov:skip=CKV2_AWS_57:Rotation is a coordinated operator procedure (dual-read of old and new pepper, JWT kid overlap), not a single-value Lambda rotation; see docs/operations/rotating-secrets.md.
  for_each = var.secrets

  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value.description
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_in_days
  tags                    = merge(var.tags, each.value.tags)
}
