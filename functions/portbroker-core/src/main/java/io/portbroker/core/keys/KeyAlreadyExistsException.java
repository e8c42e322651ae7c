package io.portbroker.core.keys;

/** A key with the same hash is already stored. */
public final class KeyAlreadyExistsException extends RuntimeException {
    public KeyAlreadyExistsException(String keyId) {
        super("key already exists: " + keyId, null, false, false);
    }
}
