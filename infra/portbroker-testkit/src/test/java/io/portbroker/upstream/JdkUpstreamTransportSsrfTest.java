package io.portbroker.upstream;
// Lives in testkit because it drives the real transport against the fake upstream (testkit depends on upstream).

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.ssrf.Cidr;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connect-time SSRF guard in the real transport: a host that resolved to an allowed address when it was saved
 * and later resolves to the metadata address (DNS rebinding) is refused before any byte leaves, over real HTTP.
 */
class JdkUpstreamTransportSsrfTest {
    private final FakeOpenAiUpstream upstream =
            FakeOpenAiUpstream.start(req -> Replies.completion("ok", List.of(), "stop"));
    private final AtomicReference<String> answer = new AtomicReference<>("127.0.0.1");
    private final HostResolver dns = host -> List.of(InetAddress.getByName(answer.get()));
    private final UrlPolicy policy =
            new UrlPolicy(new UrlPolicyConfig(Set.of("localhost"), Set.of(), List.of(Cidr.parse("127.0.0.0/8"))), dns);
    private final JdkUpstreamTransport transport =
            new JdkUpstreamTransport(Executors.newVirtualThreadPerTaskExecutor(), new GuardedDnsResolver(policy));

    @AfterEach
    void stop() {
        upstream.close();
    }

    @Test
    void send_shouldRefuseBeforeConnecting_whenTheHostRebindsToTheMetadataAddress() throws Exception {
        // given: saved while "localhost" pointed at the allow-listed loopback range
        URI url = URI.create("http://localhost:" + upstream.baseUrl().getPort() + "/v1/chat/completions");
        policy.checkOnSave(url.toString());
        try (UpstreamResponse first = transport.send(call(url))) {
            assertThat(first.status()).isEqualTo(200);
        }

        // when: the name now answers with the cloud metadata address
        answer.set("169.254.169.254");

        // then
        assertThatThrownBy(() -> transport.send(call(url)))
                .isInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
        assertThat(upstream.requests()).hasSize(1);
    }

    private static UpstreamCall call(URI url) {
        return new UpstreamCall(
                url,
                Map.of("content-type", "application/json", "authorization", "Bearer sk-test"),
                Requests.messages("m").bytes(),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5));
    }
}
