package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every class of invalid value is refused, by key path, all problems at once. */
class SettingsBinderTest {

    @Test
    void bind_shouldGiveTheDefaults_whenNothingIsSet() {
        assertThat(SettingsBinder.bind(Map.of())).isEqualTo(Settings.ofDefaults());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // not a number / duration / boolean
                "runtime.retry.max-attempts|three|must be a whole number",
                "runtime.breaker.failure-rate|half|must be a number",
                "runtime.breaker.failure-rate|NaN|must be a number",
                "runtime.ping-interval|soon|must be a duration",
                "runtime.ping-interval|-PT1S|must not be negative",
                "experimental.validate-streams|yes|must be true or false",
                // out of range
                "runtime.retry.max-attempts|0|must be at least 1",
                "runtime.retry.max-attempts|11|must be at most 10",
                "runtime.breaker.failure-rate|1.5|must be at most 1",
                "runtime.breaker.failure-rate|0|must be at least 0.01",
                "runtime.ping-interval|10m|must be between 1s and 5m",
                "infrastructure.max-body-bytes|12|must be at least 1024",
                // blank, malformed text, list elements
                "infrastructure.table-prefix|'   '|must not be blank",
                "infrastructure.region|mars|must match",
                "infrastructure.aws-endpoint|ftp://x|must match",
                "security.kms-key-id|''|must not be blank",
                "runtime.cors.allowed-origins|https://ok.example,*|element 2 must match",
                "security.ssrf.allowed-cidrs|10.0.0.0|element 1 must match",
                // unknown key (a typo)
                "runtime.retry.max-atempts|3|unknown setting"
            })
    void bind_shouldRefuseWithTheKeyPath_whenAValueIsInvalid(String key, String value, String problem) {
        // when
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsBinder.bind(Map.of(key, value)));

        // then
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("portbroker." + key);
            assertThat(p.message()).contains(problem);
        });
    }

    @Test
    void bind_shouldListEveryProblem_whenSeveralValuesAreInvalid() {
        // given
        Map<String, String> values = new LinkedHashMap<>();
        values.put("portbroker.runtime.retry.max-attempts", "0");
        values.put("portbroker.infrastructure.table-prefix", "");
        values.put("portbroker.runtime.breaker.window", "forever");

        // when
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsBinder.bind(values));

        // then: one message, every key, sorted
        assertThat(e.getMessage())
                .startsWith("invalid settings (3 problems):\n")
                .contains("  portbroker.infrastructure.table-prefix: must not be blank")
                .contains("  portbroker.runtime.breaker.window: must be a duration")
                .contains("  portbroker.runtime.retry.max-attempts: must be at least 1 (got '0')");
        assertThat(e.problems()).extracting(SettingsProblem::key).isSorted();
    }

    @Test
    void bind_shouldNeverShowTheValue_whenTheSettingIsSecret() {
        // when
        InvalidSettingsException e = catchThrowableOfType(
                InvalidSettingsException.class, () -> SettingsBinder.bind(Map.of("security.jwt-secret-id", " ")));

        // then
        assertThat(e.getMessage())
                .contains("portbroker.security.jwt-secret-id: must not be blank")
                .doesNotContain("got");
    }

    @Test
    void bind_shouldReportTheGroup_whenItsRecordRefusesTheValues() {
        // given: each value is in range, together they are not
        Map<String, String> values = Map.of("runtime.retry.max-backoff", "50ms", "runtime.retry.base-backoff", "1s");

        // when
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsBinder.bind(values));

        // then
        assertThat(e.problems())
                .singleElement()
                .hasToString("portbroker.runtime.retry: max-backoff must not be below base-backoff");
    }

    @Test
    void values_shouldRoundTrip_whenFormattedAndParsed() {
        // given
        Settings defaults = Settings.ofDefaults();

        // when
        Settings again = SettingsBinder.bind(SettingsSchema.flatten(defaults));

        // then
        assertThat(again).isEqualTo(defaults);
        assertThat(SettingValues.format(java.time.Duration.ofDays(7))).isEqualTo("7d");
        assertThat(SettingValues.format(java.time.Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(SettingValues.format(java.time.Duration.ZERO)).isEqualTo("0s");
        assertThat(SettingValues.duration("PT90S")).hasSeconds(90);
        assertThat(SettingValues.parse("1_000", long.class)).isEqualTo(1000L);
    }

    @Test
    void schema_shouldNameEveryKeyWithGroupEnvironmentVariableAndDoc_whenWalked() {
        // when
        SettingKey key =
                SettingsSchema.find("portbroker.runtime.breaker.failure-rate").orElseThrow();

        // then
        assertThat(key.group()).isEqualTo("runtime");
        assertThat(key.reloadable()).isTrue();
        assertThat(key.environmentVariable()).isEqualTo("PORTBROKER_RUNTIME_BREAKER_FAILURE_RATE");
        assertThat(key.doc()).isNotBlank();
        assertThat(SettingsSchema.keys())
                .allSatisfy(k -> assertThat(k.doc()).as(k.path()).isNotBlank());
        assertThat(SettingsSchema.find("security.pepper-secret-id")
                        .orElseThrow()
                        .secret())
                .isTrue();
        assertThat(SettingsSchema.find("infrastructure.region").orElseThrow().reloadable())
                .isFalse();
        assertThat(SettingsSchema.find("nope")).isEmpty();
    }
}
