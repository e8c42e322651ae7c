package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ValidatingByteSinkTest {
    private final ByteArrayOutputStream passed = new ByteArrayOutputStream();
    private final ValidatingByteSink sink = new ValidatingByteSink(passed::writeBytes);
    private final AnthropicSseEncoder encoder = new AnthropicSseEncoder(sink);

    @Test
    @Tag("error-path")
    void write_shouldRejectFrameAndNotPassItOn_whenItBreaksTheGrammar() {
        // given
        encoder.accept(new StreamEvent.MessageStart("msg_1", "m", Usage.ZERO));
        int before = passed.size();

        // when / then
        assertThatThrownBy(() -> encoder.accept(new StreamEvent.TextDelta(0, "x")))
                .isInstanceOf(SseGrammarViolation.class)
                .hasMessageContaining("content_block_delta for index 0, which is not open");
        assertThat(passed.size()).isEqualTo(before);
    }

    @Test
    @Tag("error-path")
    void finish_shouldThrow_whenStreamStoppedEarly() {
        // given
        encoder.accept(new StreamEvent.MessageStart("msg_1", "m", Usage.ZERO));

        // when / then
        assertThatThrownBy(sink::finish).isInstanceOf(SseGrammarViolation.class);
    }
}
