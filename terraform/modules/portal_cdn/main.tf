# CloudFront in front of the admin portal: the built files from the private portal bucket under /portal/ through
# Origin Access Control, and /admin/* forwarded to the gateway API, so the portal and the admin API share one
# origin (the SameSite=Strict refresh cookie and the CSP's connect-src 'self' rely on it). HTTPS only, strict
# security headers, hashed assets cached by their own Cache-Control (set by the deploy step).
locals {
  caching_optimized           = "658327ea-f89d-4fab-a63d-7e88639e58f6" # Managed-CachingOptimized
  caching_disabled            = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  all_viewer_except_host_head = "b689b0a8-53d0-40ab-baf2-68738e2966ac" # Managed-AllViewerExceptHostHeader
}

resource "aws_cloudfront_origin_access_control" "this" {
  name                              = "${var.name}-portal"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name = "${var.name}-portal-security"
  security_headers_config {
    content_security_policy {
      override                = true
      content_security_policy = var.content_security_policy
    }
    strict_transport_security {
      override                   = true
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      override     = true
      frame_option = "DENY"
    }
    referrer_policy {
      override        = true
      referrer_policy = "no-referrer"
    }
    xss_protection {
      override   = true
      protection = false
    }
  }
}

# the router's history mode: a page path (no file extension) under /portal/ is answered with index.html; a
# function rather than custom error pages, which would also rewrite the admin API's own 403/404 answers
resource "aws_cloudfront_function" "rewrite" {
  name    = "${var.name}-portal-rewrite"
  runtime = "cloudfront-js-2.0"
  comment = "portal SPA paths -> /portal/index.html"
  publish = true
  code    = <<-JS
    function handler(event) {
      var r = event.request;
      if (r.uri === '/' || r.uri === '/portal' || (r.uri.indexOf('/portal/') === 0 && r.uri.split('/').pop().indexOf('.') < 0)) {
        r.uri = '/portal/index.html';
      }
      return r;
    }
  JS
}

resource "aws_cloudfront_distribution" "this" {
  #checkov:skip=CKV_AWS_68:The portal is static files and the admin API is authenticated, throttled and login-locked by PortBroker itself; a WAF web ACL is an operator choice per environment (docs/operations/portal.md).
  #checkov:skip=CKV_AWS_86:Standard CloudFront logging needs ACLs on the log bucket, which BucketOwnerEnforced forbids; the admin API keeps its own access logs and audit trail.
  #checkov:skip=CKV_AWS_174:The default *.cloudfront.net certificate is used until an operator attaches a domain; CloudFront then enforces the TLSv1.2_2021 policy set below.
  #checkov:skip=CKV_AWS_310:One S3 origin and one API origin serve different paths; there is no second copy to fail over to.
  #checkov:skip=CKV_AWS_374:Admins may work from any country; access is governed by admin credentials and scopes.
  #checkov:skip=CKV2_AWS_47:The WAF (and so its Log4j rule set) is an operator choice per environment, see CKV_AWS_68.
  #checkov:skip=CKV2_AWS_32:A response headers policy is attached to every behaviour (aws_cloudfront_response_headers_policy.security).
  #checkov:skip=CKV2_AWS_42:The default certificate is used until an operator attaches a domain, see CKV_AWS_174.
  enabled         = true
  comment         = "${var.name} admin portal"
  http_version    = "http2and3"
  is_ipv6_enabled = true
  price_class     = "PriceClass_100"
  # "/" opens the portal (the rewrite function does the same for every page path)
  default_root_object = "portal/index.html"
  tags                = var.tags

  origin {
    origin_id                = "portal-bucket"
    domain_name              = var.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.this.id
  }

  origin {
    origin_id   = "admin-api"
    domain_name = var.api_domain_name
    origin_path = "/${var.api_stage_name}"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = "portal-bucket"
    viewer_protocol_policy     = "redirect-to-https"
    compress                   = true
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.caching_optimized
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.rewrite.arn
    }
  }

  ordered_cache_behavior {
    path_pattern               = "/admin/*"
    target_origin_id           = "admin-api"
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    cache_policy_id            = local.caching_disabled
    origin_request_policy_id   = local.all_viewer_except_host_head
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
    minimum_protocol_version       = "TLSv1.2_2021"
  }
}
