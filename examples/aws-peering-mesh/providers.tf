# Two regions, one provider configuration each. When aws_endpoint_url is set (a local AWS
# emulator such as moto), every API the configuration uses goes there and the checks that need
# a real account are skipped; when it is empty the providers talk to real AWS as usual.

locals {
  emulated = var.aws_endpoint_url != ""
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"

  skip_credentials_validation = local.emulated
  skip_requesting_account_id  = local.emulated
  skip_metadata_api_check     = local.emulated

  dynamic "endpoints" {
    for_each = local.emulated ? [var.aws_endpoint_url] : []
    content {
      ec2 = endpoints.value
      iam = endpoints.value
      sts = endpoints.value
    }
  }

  default_tags {
    tags = var.tags
  }
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"

  skip_credentials_validation = local.emulated
  skip_requesting_account_id  = local.emulated
  skip_metadata_api_check     = local.emulated

  dynamic "endpoints" {
    for_each = local.emulated ? [var.aws_endpoint_url] : []
    content {
      ec2 = endpoints.value
      iam = endpoints.value
      sts = endpoints.value
    }
  }

  default_tags {
    tags = var.tags
  }
}
