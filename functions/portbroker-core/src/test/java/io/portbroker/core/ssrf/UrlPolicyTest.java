package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.InvalidRequestError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    /** A fake DNS: names map to fixed answers; anything else does not resolve. */
    static HostResolver dns(Map<String, List<String>> answers) {
        return host -> {
            List<String> ips = answers.get(host);
            if (ips == null) {
                throw new UnknownHostException("no such host");
            }
            return ips.stream().map(UrlPolicyTest::literal).toList();
        };
    }

    static InetAddress literal(String ip) {
        return IpLiterals.parse(ip).orElseThrow();
    }

    private final UrlPolicy strict = new UrlPolicy(
            UrlPolicyConfig.strict(),
            dns(Map.of(
                    "api.openai.com", List.of("104.18.6.192", "2606:4700::6812:6c0"),
                    "internal.example", List.of("10.0.0.5"),
                    "mixed.example", List.of("104.18.6.192", "127.0.0.1"),
                    "empty.example", List.of())));

    @ParameterizedTest
    @Tag("error-path")
    @CsvFileSource(resources = "rejected-base-urls.csv", delimiter = '|', nullValues = "")
    void checkOnSave_shouldRefuse_whenUrlBreaksARule(String url, String rule) {
        assertThatThrownBy(() -> strict.checkOnSave(url))
                .isExactlyInstanceOf(InvalidRequestError.class)
                .hasMessageContaining(rule)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pass", "evil", "169.254"));
    }

    @Test
    void checkOnSave_shouldReturnTheNormalizedUrl_whenHostIsPublic() {
        assertThat(strict.checkOnSave(" HTTPS://API.OpenAI.com/v1 "))
                .isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(strict.checkOnSave("https://api.openai.com:8443"))
                .isEqualTo(URI.create("https://api.openai.com:8443"));
        assertThat(strict.checkOnSave("https://8.8.8.8/v1")).isEqualTo(URI.create("https://8.8.8.8/v1"));
        assertThat(strict.checkOnSave("https://[2606:4700::1111]/"))
                .isEqualTo(URI.create("https://[2606:4700::1111]/"));
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"https://internal.example/v1", "https://mixed.example/v1"})
    void checkOnSave_shouldRefuse_whenAnyResolvedAddressIsNotPublic(String url) {
        assertThatThrownBy(() -> strict.checkOnSave(url)).hasMessage("base URL resolves to a non-public address");
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"https://nowhere.example/", "https://empty.example/"})
    void checkOnSave_shouldRefuse_whenHostDoesNotResolve(String url) {
        assertThatThrownBy(() -> strict.checkOnSave(url)).hasMessage("base URL host does not resolve");
    }

    @Test
    void checkOnSave_shouldFollowTheOperatorAllowList_whenHostsOrRangesAreListed() {
        // given: a local Ollama over http on the LAN, and a vLLM host inside the VPC
        UrlPolicy policy = new UrlPolicy(
                new UrlPolicyConfig(
                        Set.of("Ollama.lan"), Set.of("vllm.internal"), List.of(Cidr.parse("192.168.0.0/16"))),
                dns(Map.of(
                        "ollama.lan", List.of("192.168.1.20"),
                        "vllm.internal", List.of("10.0.3.4"),
                        "other.lan", List.of("10.9.9.9"))));

        // then
        assertThat(policy.checkOnSave("http://ollama.lan:11434/v1")).hasScheme("http");
        assertThat(policy.checkOnSave("https://vllm.internal/v1")).hasHost("vllm.internal");
        assertThat(policy.checkOnSave("https://192.168.7.7/v1")).hasHost("192.168.7.7");
        assertThatThrownBy(() -> policy.checkOnSave("http://vllm.internal/v1")).hasMessageContaining("https");
        assertThatThrownBy(() -> policy.checkOnSave("https://other.lan/v1")).hasMessageContaining("non-public");
        assertThatThrownBy(() -> policy.checkOnSave("https://127.0.0.1/")).hasMessageContaining("non-public");
    }

    @Test
    void checkSyntax_shouldNotResolve_whenOnlyTheFormIsChecked() {
        UrlPolicy noDns = new UrlPolicy(UrlPolicyConfig.strict(), host -> {
            throw new AssertionError("must not resolve");
        });

        assertThat(noDns.checkSyntax("https://api.openai.com/v1")).hasHost("api.openai.com");
    }
}
