package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "5s,PT5S", " 2 m ,PT2M", "1h,PT1H", "PT1M30S,PT1M30S", "pt10s,PT10S", "15M,PT15M"})
    void parse_shouldReadDuration_whenTextIsShortFormOrIso(String text, String expected) {
        assertThat(DurationText.parse(text)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0s", "-5s", "PT0S", "PT-1S", "soon", "5d", ""})
    void parse_shouldBeEmpty_whenTextIsNotAPositiveDuration(String text) {
        assertThat(DurationText.parse(text)).isEmpty();
    }
}
