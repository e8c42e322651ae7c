package io.portbroker.core.settings;

import io.portbroker.core.ssrf.Cidr;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;

/**
 * How the gateway's own HTTP server treats the connections it accepts ({@code portbroker.security.edge.*}): the
 * local server and any other Netty deployment; behind API Gateway (Lambda) neither applies.
 *
 * @param requestReadTimeout how long a client may take to send one whole request, head and body (slowloris); the
 *     response, a long SSE stream included, is not bound by it
 * @param trustedProxies CIDRs of proxies in front of the server whose {@code X-Forwarded-For} is believed
 * @throws IllegalArgumentException when a trusted proxy is not a CIDR
 */
public record EdgeSettings(
        @Doc("How long a client may take to send a whole request (head and body) before the server answers 408 "
                + "and closes the connection (slowloris). Responses, long streams included, are not bound.")
        @DurationRange(min = "100ms", max = "10m")
        Duration requestReadTimeout,

        @Doc("CIDRs of reverse proxies in front of the local server. When the socket peer is one of them, the "
                + "caller's address is the right-most X-Forwarded-For entry not on this list; otherwise the socket's.")
        List<@Pattern(regexp = "[0-9A-Fa-f:.]+/\\d{1,3}") String> trustedProxies) {

    public EdgeSettings {
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(Cidr::parse);
    }

    public static EdgeSettings ofDefaults() {
        return new EdgeSettings(Duration.ofSeconds(30), List.of());
    }

    /** The trusted proxy ranges, parsed. */
    public List<Cidr> trustedProxyRanges() {
        return trustedProxies.stream().map(Cidr::parse).toList();
    }
}
