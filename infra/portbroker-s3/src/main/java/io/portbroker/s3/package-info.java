/**
 * S3 adapters. {@link io.portbroker.s3.S3AuditArchive} writes the audit archive into a bucket with Object Lock:
 * every object carries its own retention, so not even an administrator of the account can rewrite the trail
 * before it expires (COMPLIANCE) or without the bypass permission (GOVERNANCE).
 */
package io.portbroker.s3;
