terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
  # State lives in S3 with native locking; bucket, key and region come from
  # `terraform init -backend-config=backend.hcl` (docs/operations/deploy-terraform.md).
  backend "s3" {}
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { managed-by = "terraform", repository = "portbroker" }
  }
}

# Region of the DynamoDB global-table replicas and of the replica table key.
provider "aws" {
  alias  = "replica"
  region = var.replica_region
  default_tags {
    tags = { managed-by = "terraform", repository = "portbroker" }
  }
}
