package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralsTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1,127.0.0.1",
        "2130706433,127.0.0.1",
        "0x7f000001,127.0.0.1",
        "0X7F000001,127.0.0.1",
        "0177.0.0.1,127.0.0.1",
        "0177.0000.0.01,127.0.0.1",
        "127.1,127.0.0.1",
        "0x7f.1,127.0.0.1",
        "10.1,10.0.0.1",
        "169.254.43518,169.254.169.254",
        "0x,0.0.0.0",
        "1.2.3.4.,1.2.3.4",
        "[::1],0:0:0:0:0:0:0:1",
        "[::ffff:127.0.0.1],127.0.0.1",
    })
    void parse_shouldReadEverySpelling_whenHostIsAnIpLiteral(String host, String expected) {
        InetAddress address = IpLiterals.parse(host).orElseThrow();

        assertThat(address.getHostAddress()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.openai.com", "localhost", "1.2.3.example", "host-1", "x0x1", "0xfg"})
    void parse_shouldBeEmpty_whenHostIsADnsName(String host) {
        assertThat(IpLiterals.parse(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.3.4.5",
                "256.1.1.1",
                "1.2.3.256",
                "4294967296",
                "08.1.1.1",
                "1..1",
                "example.0x1",
                "0x1ffffffffffffffffffff",
                "[fe80::1%eth0]",
                "[::zz]",
                "[1:2:3:4:5:6:7:8:9]"
            })
    void parse_shouldRefuse_whenHostLooksNumericButIsNoAddress(String host) {
        assertThatThrownBy(() -> IpLiterals.parse(host)).isInstanceOf(IllegalArgumentException.class);
    }
}
