package io.portbroker.core.crypto;

/** A sealed secret cannot be opened: malformed, tampered, or bound to another context or key. */
public final class SealedDataException extends RuntimeException {
    public SealedDataException(String message) {
        super(message, null, false, false);
    }
}
