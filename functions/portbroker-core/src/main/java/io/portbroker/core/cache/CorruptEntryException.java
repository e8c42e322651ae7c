package io.portbroker.core.cache;

/** A stored entry could not be read (damaged bytes, or written by another format version); it is dropped. */
public final class CorruptEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptEntryException(String message) {
        super(message, null, false, false);
    }
}
