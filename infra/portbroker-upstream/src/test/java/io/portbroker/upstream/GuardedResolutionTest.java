package io.portbroker.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.portbroker.core.ssrf.Cidr;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.error.ProviderConnectionError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rebinding window between the SSRF pre-check and the JDK client's own lookup, over real HTTP. The pre-check's
 * DNS says "public"; the JVM's own lookup of the machine's host name answers its local (non-public) address when
 * the client connects, as a rebinding DNS server would. Only the resolver provider registered in
 * META-INF/services sees that answer. ("localhost" cannot serve: the JDK falls back to loopback when its lookup
 * fails.) The allowed case runs first: a refused lookup is cached as negative for 10 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuardedResolutionTest {
    private static final String HOST = hostName();
    private static final InetAddress LOCAL = addressOf(HOST);

    private final AtomicInteger served = new AtomicInteger();
    private final HttpServer server = start();
    /** What the pre-check's resolver answers: a public address, whatever the name. */
    private final HostResolver publicDns = host -> List.of(InetAddress.getByName("93.184.216.34"));

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(LOCAL, 0), 8);
            s.createContext("/", exchange -> {
                served.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JdkUpstreamTransport transport(String host, List<Cidr> allowed) {
        UrlPolicy policy = new UrlPolicy(new UrlPolicyConfig(Set.of(host), Set.of(), allowed), publicDns);
        return new JdkUpstreamTransport(Executors.newVirtualThreadPerTaskExecutor(), new GuardedDnsResolver(policy));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress addressOf(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void send_shouldNotConnect_whenTheClientsOwnLookupAnswersAForbiddenAddress() {
        // given: the pre-check is satisfied (public), the connect-time lookup answers a local address
        assertThat(LOCAL.isLoopbackAddress() || LOCAL.isSiteLocalAddress() || LOCAL.isLinkLocalAddress())
                .as("the machine's host name resolves to a non-public address")
                .isTrue();
        JdkUpstreamTransport transport = transport(HOST, List.of());

        // when / then
        assertThatThrownBy(() -> transport.send(call(HOST)))
                .isInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
        assertThat(served).hasValue(0);
    }

    @Test
    @Order(1)
    void send_shouldConnect_whenTheClientsOwnLookupAnswersAnAllowedAddress() throws Exception {
        // given: the local address is allow-listed, as the local stack does with loopback
        String range = LOCAL.getHostAddress() + (LOCAL.getAddress().length == 4 ? "/32" : "/128");
        JdkUpstreamTransport transport = transport(HOST, List.of(Cidr.parse(range)));

        // when
        try (UpstreamResponse response = transport.send(call(HOST))) {
            // then
            assertThat(response.status()).isEqualTo(200);
        }
        assertThat(served).hasValue(1);
    }

    private UpstreamCall call(String host) {
        return new UpstreamCall(
                URI.create("http://" + host + ":" + server.getAddress().getPort() + "/v1/chat/completions"),
                Map.of("content-type", "application/json"),
                "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }
}
