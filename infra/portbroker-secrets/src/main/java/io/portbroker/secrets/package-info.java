/**
 * AWS adapters for secrets and operator settings: Secrets Manager for server secrets, KMS envelope encryption
 * ({@link io.portbroker.secrets.KmsEnvelopeCipher}) for provider API keys stored in tables, and SSM parameters for
 * lists reloaded at run time (the admin API's CORS origins).
 */
package io.portbroker.secrets;
