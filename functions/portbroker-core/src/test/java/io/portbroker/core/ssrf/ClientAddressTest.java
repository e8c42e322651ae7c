package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {
    private final ClientAddress behindProxies = new ClientAddress(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("::1")));

    @ParameterizedTest(name = "{0} with [{1}] -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // an untrusted peer: the header is the client's own text and is ignored
                "198.51.100.1|203.0.113.9|198.51.100.1",
                // a trusted proxy: the right-most entry that is not a trusted proxy itself
                "10.0.0.2|203.0.113.9, 198.51.100.7|198.51.100.7",
                "10.0.0.2|203.0.113.9, 198.51.100.7, 10.1.1.1|198.51.100.7",
                // the chain breaks at an entry that is not an IP literal: the last address vouched for
                "10.0.0.2|203.0.113.9, not-an-ip|10.0.0.2",
                "10.0.0.2|203.0.113.9, 1.2.3.999, 10.3.3.3|10.3.3.3",
                "10.0.0.2|198.51.100.7, 3232235777|10.0.0.2",
                // only trusted proxies in the header, or none at all: the last one
                "10.0.0.2|10.9.9.9|10.9.9.9",
                "10.0.0.2||10.0.0.2",
                // IPv6, in canonical form
                "::1|2001:db8::0001|2001:db8:0:0:0:0:0:1",
            })
    void resolve_shouldBelieveTheHeaderOnlyPastTrustedProxies_whenAskedForTheCaller(
            String peer, String header, String expected) {
        List<String> headers = header == null ? List.of() : List.of(header);

        assertThat(behindProxies.resolve(peer, headers)).isEqualTo(expected);
    }

    @Test
    void resolve_shouldIgnoreTheHeader_whenNoProxyIsTrusted() {
        ClientAddress direct = new ClientAddress(List.of());

        assertThat(direct.resolve("10.0.0.2", List.of("198.51.100.7"))).isEqualTo("10.0.0.2");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"fe80::1%eth0", "not-an-address"})
    void resolve_shouldReturnThePeerAsGiven_whenItIsNotAnIpLiteral(String peer) {
        assertThat(behindProxies.resolve(peer, List.of("198.51.100.7"))).isEqualTo(peer);
    }

    @Test
    void resolve_shouldTakeSeveralHeadersAsOneListAndIgnoreHugeOnes_whenThePeerIsTrusted() {
        String peer = "10.0.0.2";
        assertThat(behindProxies.resolve(peer, List.of("203.0.113.9", "198.51.100.7, 10.0.0.5")))
                .isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve(peer, List.of("198.51.100.7, ".repeat(300))))
                .isEqualTo(peer);
    }
}
