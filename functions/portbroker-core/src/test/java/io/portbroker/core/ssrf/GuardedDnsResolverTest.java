package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ProviderConnectionError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

    @Test
    @Tag("error-path")
    void resolve_shouldBlockTheConnection_whenDnsRebindsToLoopbackAfterSave() {
        // given: the name is public when the admin saves the provider
        AtomicReference<List<String>> answer = new AtomicReference<>(List.of("104.18.6.192"));
        UrlPolicy policy = new UrlPolicy(
                UrlPolicyConfig.strict(),
                host -> UrlPolicyTest.dns(Map.of("rebind.example", answer.get()))
                        .resolve(host));
        URI saved = policy.checkOnSave("https://rebind.example/v1");
        GuardedDnsResolver guard = new GuardedDnsResolver(policy);
        assertThat(guard.resolve(saved)).containsExactly(UrlPolicyTest.literal("104.18.6.192"));

        // when: the attacker's DNS now answers 127.0.0.1
        answer.set(List.of("127.0.0.1"));

        // then: the connect-time check refuses, with a message that reveals nothing
        assertThatThrownBy(() -> guard.resolve(saved))
                .isExactlyInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
    }

    @Test
    @Tag("error-path")
    void resolve_shouldRefuse_whenHostIsMissingUnknownOrAnInvalidLiteral() {
        GuardedDnsResolver guard =
                new GuardedDnsResolver(new UrlPolicy(UrlPolicyConfig.strict(), UrlPolicyTest.dns(Map.of())));

        assertThatThrownBy(() -> guard.resolve(URI.create("file:///etc/passwd")))
                .isInstanceOf(ProviderConnectionError.class);
        assertThatThrownBy(() -> guard.resolve(URI.create("https://gone.example/")))
                .isInstanceOf(ProviderConnectionError.class);
        assertThatThrownBy(() -> guard.resolve(URI.create("https://1.2.3.999/")))
                .isInstanceOf(ProviderConnectionError.class);
        assertThatThrownBy(() -> guard.resolve(URI.create("https://[::ffff:10.0.0.1]/")))
                .isInstanceOf(ProviderConnectionError.class);
    }

    @Test
    void system_shouldResolveLiteralsWithoutDns_whenGivenAnAddress() throws Exception {
        assertThat(HostResolver.system().resolve("127.0.0.1")).containsExactly(UrlPolicyTest.literal("127.0.0.1"));
    }
}
