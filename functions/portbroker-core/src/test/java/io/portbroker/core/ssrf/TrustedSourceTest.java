package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedSourceTest {
    private static ApiRequest request(String sourceIp) {
        // the client claims another address: it must never be believed
        return new ApiRequest(
                "POST",
                "/v1/messages",
                "",
                Map.of("x-forwarded-for", List.of("198.51.100.66, 10.0.0.1")),
                null,
                sourceIp);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "203.0.113.7, 203.0.113.7",
                "2001:db8::1, 2001:db8:0:0:0:0:0:1",
                "NULL, NULL",
                "'', NULL",
                "not-an-ip, NULL",
                "203.0.113.7<script>, NULL",
                "999.1.1.1, NULL"
            })
    void address_shouldUseOnlyTheShellsValidatedSourceIp_neverXForwardedFor(String sourceIp, String expected) {
        assertThat(TrustedSource.address(request(sourceIp))).isEqualTo(expected);
    }
}
