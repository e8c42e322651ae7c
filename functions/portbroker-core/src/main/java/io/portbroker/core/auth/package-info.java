/**
 * Admin authentication: argon2id password hashes, short-lived HS256 access tokens with a pinned algorithm, opaque
 * rotating refresh tokens with reuse detection, failed-login throttling, and {@link
 * io.portbroker.core.auth.AdminAuthService} tying them together. Stores are ports with in-memory (testkit) and
 * DynamoDB (infra) implementations; time is always an injected {@link java.time.InstantSource} (pass a {@code Clock}).
 */
package io.portbroker.core.auth;
