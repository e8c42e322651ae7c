/** Client API keys: format, hashing and the store port. Keys exist in plaintext only in the caller's hands. */
package io.portbroker.core.keys;
