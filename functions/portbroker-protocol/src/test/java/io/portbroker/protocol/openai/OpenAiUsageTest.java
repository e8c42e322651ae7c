package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.ir.Usage;
import org.junit.jupiter.api.Test;

/** Usage mapping: Anthropic's input_tokens excludes cache reads and writes (found by mutation testing). */
class OpenAiUsageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parse_shouldSubtractCacheReadsAndWritesFromThePrompt_whenBothAreReported() throws Exception {
        var usage = JSON.readTree("{\"prompt_tokens\":100,\"completion_tokens\":7,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":30,\"cache_write_tokens\":20}}");

        assertThat(OpenAiUsage.parse(usage)).isEqualTo(new Usage(50, 7, 30, 20));
    }

    @Test
    void parse_shouldNeverGoNegative_whenCacheCountsExceedThePrompt() throws Exception {
        var usage = JSON.readTree("{\"prompt_tokens\":10,\"completion_tokens\":1,\"cache_read_input_tokens\":15}");

        assertThat(OpenAiUsage.parse(usage).inputTokens()).isZero();
    }
}
