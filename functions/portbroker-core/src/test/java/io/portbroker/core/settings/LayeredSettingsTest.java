package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
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

    /** A start-up-group key through the same layers: file (the yaml settings: section), environment, remote. */
    static Stream<Arguments> groupPrecedence() {
        return Stream.of(
                Arguments.of(null, null, null, "10", SettingsLayer.DEFAULT),
                Arguments.of("11", null, null, "11", SettingsLayer.FILE),
                Arguments.of(null, "12", null, "12", SettingsLayer.ENVIRONMENT),
                Arguments.of(null, null, "13", "13", SettingsLayer.REMOTE),
                Arguments.of("11", "12", null, "12", SettingsLayer.ENVIRONMENT),
                Arguments.of("11", null, "13", "13", SettingsLayer.REMOTE),
                Arguments.of(null, "12", "13", "13", SettingsLayer.REMOTE),
                Arguments.of("11", "12", "13", "13", SettingsLayer.REMOTE));
    }

    @ParameterizedTest(name = "throttle.limit file={0} env={1} remote={2} -> {3} from {4}")
    @MethodSource("groupPrecedence")
    void merge_shouldLetTheLaterLayerWinForAStartupGroupKey_whenSeveralSetIt(
            String file, String env, String remote, String expected, SettingsLayer source) {
        // given: the file value as the yaml settings: section gives it, the environment one as a variable
        Map<SettingsLayer, Map<String, String>> layers = new EnumMap<>(SettingsLayer.class);
        if (file != null) {
            layers.put(SettingsLayer.FILE, SettingsFile.parse("settings:\n  throttle:\n    limit: " + file + "\n"));
        }
        if (env != null) {
            layers.put(
                    SettingsLayer.ENVIRONMENT,
                    EnvironmentLayer.read(Map.of("PORTBROKER_THROTTLE_LIMIT", env), List.of(ThrottleGroup.group())));
        }
        if (remote != null) {
            layers.put(SettingsLayer.REMOTE, Map.of("throttle.limit", remote));
        }

        // when
        LayeredSettings merged = LayeredSettings.merge(layers, List.of(ThrottleGroup.group()));

        // then
        assertThat(merged.values()).containsEntry("throttle.limit", expected);
        assertThat(merged.sources()).containsEntry("throttle.limit", source);
        assertThat(merged.group(ThrottleGroup.class).getLimit()).isEqualTo(Integer.parseInt(expected));
        assertThat(merged.sources()).containsEntry("throttle.window", SettingsLayer.DEFAULT);
    }

    @Test
    void merge_shouldListEveryProblemByKeyPath_whenStartupGroupAndRecordValuesAreInvalid() {
        // when
        InvalidSettingsException e = catchThrowableOfType(
                InvalidSettingsException.class,
                () -> LayeredSettings.merge(
                        Map.of(
                                SettingsLayer.FILE,
                                Map.of("throttle.window", "soon", "throttle.limt", "3"),
                                SettingsLayer.ENVIRONMENT,
                                Map.of("runtime.breaker.failure-rate", "7")),
                        List.of(ThrottleGroup.group())));

        // then: one exception, every problem, sorted by key
        assertThat(e.problems())
                .extracting(SettingsProblem::key)
                .containsExactly(
                        "portbroker.runtime.breaker.failure-rate",
                        "portbroker.throttle.limt",
                        "portbroker.throttle.window");
        assertThat(e.getMessage()).contains("portbroker.throttle.limt: unknown setting");
    }

    @Test
    void merge_shouldReportTheGroupsOwnCheck_whenItRefusesTheValues() {
        // when
        InvalidSettingsException e = catchThrowableOfType(
                InvalidSettingsException.class,
                () -> LayeredSettings.merge(
                        Map.of(SettingsLayer.REMOTE, Map.of("throttle.limit", "0")), List.of(ThrottleGroup.group())));

        // then
        assertThat(e.getMessage()).contains("portbroker.throttle: throttle limit must be positive");
    }

    @Test
    void reload_shouldApplyAReloadableGroupValueAndRefuseAFixedOne_whenTheRemoteLayerChanges() {
        // given: the window came from the remote layer at start (allowed: it is read then)
        LayeredSettings running = LayeredSettings.merge(
                Map.of(SettingsLayer.REMOTE, Map.of("throttle.window", "2m")), List.of(ThrottleGroup.group()));

        // when: the reloadable limit changes, the window stays
        LayeredSettings next = running.reload(Map.of("throttle.window", "2m", "throttle.limit", "4"));

        // then
        assertThat(next.group(ThrottleGroup.class).getLimit()).isEqualTo(4);
        assertThat(next.group(ThrottleGroup.class).getWindow()).hasMinutes(2);

        // when: the window changes (or is removed, falling back to its default)
        InvalidSettingsException changed = catchThrowableOfType(
                InvalidSettingsException.class, () -> running.reload(Map.of("throttle.window", "5m")));
        InvalidSettingsException removed =
                catchThrowableOfType(InvalidSettingsException.class, () -> running.reload(Map.of()));

        // then
        assertThat(changed.getMessage())
                .contains("portbroker.throttle.window: restart required: portbroker.throttle.window");
        assertThat(removed.problems()).extracting(SettingsProblem::key).containsExactly("portbroker.throttle.window");
    }

    @Test
    void descriptors_shouldListTheRecordsThenTheGroups_whenFoundByPath() {
        // given
        LayeredSettings s = LayeredSettings.merge(Map.of(), List.of(ThrottleGroup.group()));

        // then
        assertThat(s.descriptors()).hasSize(SettingsSchema.keys().size() + 3);
        assertThat(s.find("portbroker.throttle.limit").orElseThrow().reloadable())
                .isTrue();
        assertThat(s.find("throttle.window").orElseThrow().reloadable()).isFalse();
        assertThat(s.find("throttle.alert-token").orElseThrow().secret()).isTrue();
        assertThat(s.find("runtime.ping-interval").orElseThrow().reloadable()).isTrue();
        assertThat(s.find("throttle.nothing")).isEmpty();
        assertThat(s.find("nothing.at-all")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.group(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a start-up group");
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
