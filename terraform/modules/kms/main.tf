# A customer-managed KMS key with yearly automatic rotation. The key policy delegates to IAM (account root) so that
# each function's role grants kms:Decrypt on exactly the keys it needs, and names the AWS services that use the key
# themselves (CloudWatch Logs, SNS for alarm delivery), scoped to this account.
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

data "aws_iam_policy_document" "key" {
  #checkov:skip=CKV_AWS_109:A key policy's Resource is always "*" (it means this key); access is delegated to IAM.
  #checkov:skip=CKV_AWS_111:A key policy's Resource is always "*" (it means this key); access is delegated to IAM.
  #checkov:skip=CKV_AWS_356:A key policy's Resource is always "*" (it means this key); access is delegated to IAM.
  statement {
    sid       = "DelegateToIam"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  dynamic "statement" {
    for_each = length(var.service_principals) > 0 ? [1] : []
    content {
      sid       = "AllowServicesOfThisAccount"
      actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
      resources = ["*"]
      principals {
        type        = "Service"
        identifiers = var.service_principals
      }
      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [data.aws_caller_identity.current.account_id]
      }
    }
  }

  # naming the portal's own distribution would make a cycle (distribution -> bucket -> key): this account's only
  dynamic "statement" {
    for_each = var.cloudfront_decrypt ? [1] : []
    content {
      sid       = "AllowPortalDistributionDecrypt"
      actions   = ["kms:Decrypt"]
      resources = ["*"]
      principals {
        type        = "Service"
        identifiers = ["cloudfront.amazonaws.com"]
      }
      condition {
        test     = "StringLike"
        variable = "AWS:SourceArn"
        values   = ["arn:${data.aws_partition.current.partition}:cloudfront::${data.aws_caller_identity.current.account_id}:distribution/*"]
      }
    }
  }
}

resource "aws_kms_key" "this" {
  description             = var.description
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = var.deletion_window_in_days
  multi_region            = var.multi_region
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = merge(var.tags, { Name = var.name })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}
