package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,10.255.255.255,true",
        "10.0.0.0/8,11.0.0.0,false",
        "172.16.0.0/12,172.31.0.1,true",
        "172.16.0.0/12,172.32.0.1,false",
        "192.168.1.7,192.168.1.7,true",
        "192.168.1.7,192.168.1.8,false",
        "0.0.0.0/0,8.8.8.8,true",
        "fc00::/7,fdff::1,true",
        "fc00::/7,fe00::1,false",
        "10.0.0.0/8,::ffff:10.0.0.1,true",
        "::/0,10.0.0.1,false",
    })
    void contains_shouldMatchOnlyTheRange_whenComparingAddresses(String cidr, String ip, boolean inside) {
        assertThat(Cidr.parse(cidr).contains(UrlPolicyTest.literal(ip))).isEqualTo(inside);
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.0/8/8", "example.com/8", "::/129"})
    void parse_shouldRefuse_whenTextIsNotARange(String text) {
        assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cidr_shouldCompareByValue_whenParsedTwice() {
        assertThat(Cidr.parse("10.0.0.0/8"))
                .isEqualTo(Cidr.parse(" 10.0.0.0/8 "))
                .hasSameHashCodeAs(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.0.0.0/8"))
                .isNotEqualTo(Cidr.parse("10.0.0.0/9"))
                .isNotEqualTo("10.0.0.0/8");
        assertThat(Cidr.parse("fd00::/8")).hasToString("fd00:0:0:0:0:0:0:0/8");
    }
}
