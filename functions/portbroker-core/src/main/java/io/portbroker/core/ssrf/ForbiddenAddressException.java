package io.portbroker.core.ssrf;

/** A host resolved to an address the SSRF policy does not permit. The address is not in the message. */
public final class ForbiddenAddressException extends RuntimeException {
    public ForbiddenAddressException() {
        super("address not permitted by the SSRF policy", null, false, false);
    }
}
