/**
 * Envelope encryption of stored secrets (provider API keys): each secret gets a fresh AES-256 data key, the data
 * key is wrapped by a key-encryption key held elsewhere ({@link io.portbroker.core.crypto.DataKeySource}: KMS in
 * production, a local key for development), and an encryption context (e.g. the provider id) is bound to both
 * layers so a ciphertext copied to another record does not open.
 */
package io.portbroker.core.crypto;
