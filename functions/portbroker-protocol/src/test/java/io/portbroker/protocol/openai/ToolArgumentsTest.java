package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolArgumentsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain object|{\"a\":1}|{\"a\":1}",
                "double encoded|\"{\\\"a\\\":1}\"|{\"a\":1}",
                "trailing garbage|{\"a\":1}}</s>|{\"a\":1}",
                "double encoded with garbage|\"{\\\"a\\\":[1]} x\"|{\"a\":[1]}",
                "whitespace around| {\"a\":\"b\"} |{\"a\":\"b\"}"
            })
    void parse_shouldReturnObject_whenArgumentsAreRepairable(String name, String raw, String expected) {
        assertThat(ToolArguments.parse(raw))
                .hasValueSatisfying(o -> assertThat(o.toString()).isEqualTo(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void parse_shouldReturnEmptyObject_whenArgumentsAreBlank(String raw) {
        assertThat(ToolArguments.parse(raw))
                .hasValueSatisfying(o -> assertThat(o.isEmpty()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":", "not json", "[1,2]", "42", "\"just a string\"", "\"[1]\""})
    void parse_shouldReturnEmpty_whenNoObjectCanBeRecovered(String raw) {
        assertThat(ToolArguments.parse(raw)).isEmpty();
    }
}
