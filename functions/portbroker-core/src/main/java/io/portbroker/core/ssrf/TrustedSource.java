package io.portbroker.core.ssrf;

import io.portbroker.core.http.ApiRequest;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The caller's address for anomaly detection and audit: only what the shell vouches for ({@link
 * ApiRequest#sourceIp()}: API Gateway's {@code requestContext.identity.sourceIp}, or the TCP peer of the local
 * server), never the client-controlled {@code X-Forwarded-For}, and only when it is an IP address literal.
 */
public final class TrustedSource {
    private TrustedSource() {}

    /** The caller's address in canonical form, or null when the shell gave none or not an IP literal. */
    public static String address(ApiRequest request) {
        String raw = request.sourceIp() == null ? "" : request.sourceIp().strip();
        if (raw.isEmpty() || raw.length() > 45 || !raw.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            Optional<InetAddress> parsed = IpLiterals.parse(raw);
            return parsed.map(InetAddress::getHostAddress).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
