package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.openai.OpenAiStreamChunk.Choice;
import io.portbroker.protocol.openai.OpenAiStreamChunk.Delta;
import io.portbroker.protocol.openai.OpenAiStreamChunk.ToolFragment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chunk shapes the stream golden files cannot show: what fails to parse, and containers where arrays are
 * expected (the tree-based reader threw on those; they now read as absent). Ordinary and lenient shapes are
 * covered end to end by {@code streams/lenient_chunk_shapes} and the other golden streams.
 */
class OpenAiChunkReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[1,2]", "\"text\"", "42", "null", "{\"choices\":[", "{\"a\":1", "{\"a\":tru}"})
    void read_shouldReturnNull_whenFirstValueIsNotAWellFormedObject(String data) {
        // when
        OpenAiStreamChunk chunk = OpenAiChunkReader.read(data);

        // then
        assertThat(chunk).isNull();
    }

    @Test
    void read_shouldTreatChoicesAsAbsent_whenChoicesIsAnObject() {
        // when
        OpenAiStreamChunk chunk = OpenAiChunkReader.read("{\"choices\":{\"0\":{\"delta\":{\"content\":\"x\"}}}}");

        // then
        assertThat(chunk).isEqualTo(new OpenAiStreamChunk(null, null, null));
    }

    @Test
    void read_shouldReadNoToolCalls_whenToolCallsIsAnObject() {
        // when
        OpenAiStreamChunk chunk = OpenAiChunkReader.read(
                "{\"choices\":[{\"delta\":{\"content\":\"a\",\"tool_calls\":{\"0\":{\"id\":\"c\"}}}}]}");

        // then
        assertThat(chunk.choice()).isEqualTo(new Choice(new Delta("", "", "a", List.of()), "", null));
    }

    @Test
    void read_shouldKeepEveryFragmentInOrder_whenElementsAreMixed() {
        // when
        OpenAiStreamChunk chunk = OpenAiChunkReader.read("{\"choices\":[{\"delta\":{\"tool_calls\":["
                + "[1],{\"index\":4,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":[true],\"strict\":false}},{\"index\":-1.5e300}]}}]}");

        // then
        assertThat(chunk.choice().delta().toolCalls())
                .containsExactly(
                        new ToolFragment(0, "", "", ""),
                        new ToolFragment(4, "call_a", "f", "[true]"),
                        new ToolFragment(2, "", "", ""));
    }

    @Test
    void read_shouldKeepTheErrorNode_whenErrorIsNotNull() {
        // when
        OpenAiStreamChunk chunk = OpenAiChunkReader.read("{\"error\":{\"code\":\"rate_limit_exceeded\"}}");

        // then
        assertThat(chunk.error().path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(chunk.choice()).isNull();
    }
}
