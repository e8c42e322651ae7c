package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolCallIdsTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "call_abc-1, msg_x, 0, call_abc-1",
                "call_1__thought__YWJj+/=, msg_x, 0, call_1__thought__YWJj___",
                "NULL, msg_01AbC, 2, toolu_01AbC_2",
                "'  ', msg_01AbC, 0, toolu_01AbC_0",
                "NULL, req:7, 1, toolu_req_7_1"
            })
    void normalize_shouldReturnValidId_whenGivenUpstreamId(
            String upstream, String messageId, int index, String expected) {
        assertThat(ToolCallIds.normalize(upstream, messageId, index))
                .isEqualTo(expected)
                .matches("^[a-zA-Z0-9_-]+$");
    }
}
