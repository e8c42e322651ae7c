package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AnthropicSseEncoderTest {
    private final List<String> writes = new ArrayList<>();
    private final AnthropicSseEncoder encoder =
            new AnthropicSseEncoder(bytes -> writes.add(new String(bytes, StandardCharsets.UTF_8)));

    @Test
    @Tag("error-path")
    void accept_shouldWriteOneExactFramePerWrite_whenGivenPingAndError() {
        // when
        encoder.accept(new StreamEvent.Ping());
        encoder.accept(new StreamEvent.Error(io.portbroker.error.ErrorCategory.OVERLOADED, "busy \"now\""));

        // then
        assertThat(writes)
                .containsExactly(
                        "event: ping\ndata: {\"type\":\"ping\"}\n\n",
                        "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                                + "\"message\":\"busy \\\"now\\\"\"}}\n\n");
    }

    @Test
    void accept_shouldWriteMessageDeltaThenMessageStop_whenGivenFinish() {
        // when
        encoder.accept(new StreamEvent.Finish(StopReason.STOP_SEQUENCE, "\n\n", new Usage(1, 2, 3, 4)));

        // then
        assertThat(writes)
                .containsExactly(
                        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                                + "\"stop_sequence\",\"stop_sequence\":\"\\n\\n\"},\"usage\":{\"input_tokens\":1,"
                                + "\"cache_creation_input_tokens\":4,\"cache_read_input_tokens\":3,"
                                + "\"output_tokens\":2}}\n\n",
                        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    }

    @Test
    void accept_shouldPropagateSinkFailure_whenClientHasGone() {
        // given
        AnthropicSseEncoder failing = new AnthropicSseEncoder(bytes -> {
            throw new IllegalStateException("client gone");
        });

        // when / then
        assertThatThrownBy(() -> failing.accept(new StreamEvent.Ping())).hasMessage("client gone");
    }
}
