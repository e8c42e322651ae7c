/**
 * AWS adapters for secrets: Secrets Manager for server secrets and provider credentials, KMS envelope encryption
 * ({@link io.portbroker.secrets.KmsEnvelopeCipher}) for provider API keys stored in tables.
 */
package io.portbroker.secrets;
