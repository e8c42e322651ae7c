package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Layer precedence: defaults &lt; file &lt; environment &lt; remote, and the source of every effective value. */
class LayeredSettingsTest {

    private static final String KEY = "runtime.ping-interval";

    /** Which layers set the key (file, environment, remote) and which value and layer win. */
    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(null, null, null, "10s", SettingsLayer.DEFAULT),
                Arguments.of("11s", null, null, "11s", SettingsLayer.FILE),
                Arguments.of(null, "12s", null, "12s", SettingsLayer.ENVIRONMENT),
                Arguments.of(null, null, "13s", "13s", SettingsLayer.REMOTE),
                Arguments.of("11s", "12s", null, "12s", SettingsLayer.ENVIRONMENT),
                Arguments.of("11s", null, "13s", "13s", SettingsLayer.REMOTE),
                Arguments.of(null, "12s", "13s", "13s", SettingsLayer.REMOTE),
                Arguments.of("11s", "12s", "13s", "13s", SettingsLayer.REMOTE));
    }

    @ParameterizedTest(name = "file={0} env={1} remote={2} -> {3} from {4}")
    @MethodSource("precedence")
    void merge_shouldLetTheLaterLayerWin_whenSeveralSetTheKey(
            String file, String env, String remote, String expected, SettingsLayer source) {
        // given
        Map<SettingsLayer, Map<String, String>> layers = new EnumMap<>(SettingsLayer.class);
        put(layers, SettingsLayer.FILE, file);
        put(layers, SettingsLayer.ENVIRONMENT, env);
        put(layers, SettingsLayer.REMOTE, remote);

        // when
        LayeredSettings merged = LayeredSettings.merge(layers);

        // then
        assertThat(merged.values()).containsEntry(KEY, expected);
        assertThat(merged.sources()).containsEntry(KEY, source);
        assertThat(merged.settings().runtime().pingInterval()).isEqualTo(SettingValues.duration(expected));
    }

    @Test
    void merge_shouldTakeEnvironmentVariables_whenNamedAfterTheKeyOrTheIacAlias() {
        // given
        Map<String, String> env = Map.of(
                "PORTBROKER_RUNTIME_BREAKER_FAILURE_RATE", "0.25",
                "PORTBROKER_TABLE_PREFIX", "pb-prod",
                "PORTBROKER_PORT", "8080");

        // when
        LayeredSettings merged = LayeredSettings.merge(Map.of(SettingsLayer.ENVIRONMENT, EnvironmentLayer.read(env)));

        // then: PORTBROKER_PORT belongs to the local launcher, not to the settings
        assertThat(merged.settings().runtime().breaker().failureRate()).isEqualTo(0.25);
        assertThat(merged.settings().infrastructure().tablePrefix()).isEqualTo("pb-prod");
        assertThat(merged.sources()).containsEntry("infrastructure.table-prefix", SettingsLayer.ENVIRONMENT);
    }

    @Test
    void merge_shouldRefuseInfrastructureInTheRemoteLayer_whenSetThere() {
        // when
        InvalidSettingsException e = catchThrowableOfType(
                InvalidSettingsException.class,
                () -> LayeredSettings.merge(
                        Map.of(SettingsLayer.REMOTE, Map.of("infrastructure.table-prefix", "elsewhere"))));

        // then
        assertThat(e.getMessage())
                .contains(
                        "portbroker.infrastructure.table-prefix: restart required: infrastructure settings cannot come"
                                + " from the remote layer");
    }

    @Test
    void withLayer_shouldKeepTheOtherLayers_whenTheRemoteOneIsReplaced() {
        // given
        LayeredSettings first =
                LayeredSettings.merge(Map.of(SettingsLayer.FILE, Map.of("portbroker.runtime.retry.max-attempts", "4")));

        // when
        LayeredSettings next = first.withLayer(SettingsLayer.REMOTE, Map.of("runtime.breaker.window", "PT2M"));

        // then
        assertThat(next.settings().runtime().retry().maxAttempts()).isEqualTo(4);
        assertThat(next.settings().runtime().breaker().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(next.values()).containsEntry("runtime.breaker.window", "2m");
        assertThat(next.layers().get(SettingsLayer.REMOTE)).containsEntry("runtime.breaker.window", "PT2M");
    }

    @Test
    void file_shouldFlattenTheSettingsSection_whenNestedWithLists() {
        // given
        String yaml = """
                providers: []
                settings:
                  runtime:
                    cors:
                      allowed-origins: [https://a.example, https://b.example]
                    retry:
                      max-attempts: 2
                  experimental:
                    validate-streams: true
                  security:
                    ssrf:
                      allowed-hosts: []
                """;

        // when
        Map<String, String> layer = SettingsFile.parse(yaml);
        Settings s = LayeredSettings.merge(Map.of(SettingsLayer.FILE, layer)).settings();

        // then
        assertThat(layer)
                .containsEntry("runtime.cors.allowed-origins", "https://a.example,https://b.example")
                .containsEntry("security.ssrf.allowed-hosts", "");
        assertThat(s.runtime().cors().allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(s.runtime().retry().maxAttempts()).isEqualTo(2);
        assertThat(s.experimental().validateStreams()).isTrue();
        assertThat(SettingsFile.parse("providers: []\n")).isEmpty();
    }

    @Test
    void file_shouldReportOneProblem_whenTheTextIsNotYaml() {
        // when
        InvalidSettingsException e =
                catchThrowableOfType(InvalidSettingsException.class, () -> SettingsFile.parse("a: [unclosed"));

        // then
        assertThat(e.problems()).singleElement().hasToString("portbroker.yaml: not valid YAML");
    }

    private static void put(Map<SettingsLayer, Map<String, String>> layers, SettingsLayer layer, String value) {
        if (value != null) {
            layers.put(layer, Map.of(KEY, value));
        }
    }
}
