package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.portbroker.core.settings.BeanGroup;
import io.portbroker.core.settings.InvalidSettingsException;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingsLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up groups ({@code portbroker.cache.*}, {@code overload.*}, ...) as the container binds them: set by the
 * {@code settings:} section, properties and environment with the core groups' precedence, handed to the beans, and
 * their problems in the one start-up error with the core groups'.
 */
class StartupGroupsTest {

    /** The settings error that refuses to start a context with {@code properties}, or null. */
    private static Throwable startupError(Map<String, Object> properties) {
        Throwable cause = catchThrowable(() -> {
            try (ApplicationContext ctx = context(properties)) {
                ctx.getBean(LayeredSettings.class, Qualifiers.byName("local"));
            }
        });
        while (cause != null && !(cause instanceof InvalidSettingsException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }

    @Test
    void startup_shouldLayerEachValueAndGiveItToTheBean_whenGivenByYamlPropertiesEnvironmentOrDefault()
            throws IOException {
        // given: the settings: section of portbroker.yaml sets two start-up groups, a property overrides one key
        Path file = Files.createTempFile("portbroker-groups", ".yaml");
        Files.writeString(file, """
                providers: []
                settings:
                  overload:
                    max-in-flight: 9
                    retry-after-seconds: 4
                  cache:
                    min-ttl: 3m
                  provider-credentials:
                    env-prefixes: [PB_PROVIDER_, PB_OTHER_]
                """);
        try (ApplicationContext ctx = context(Map.of(
                "portbroker.config-file", file.toString(),
                "portbroker.overload.retry-after-seconds", "6",
                "portbroker.observability.alert-webhook-url", "https://hooks.example/T0/secret-path"))) {
            // when
            LayeredSettings s = ctx.getBean(LayeredSettings.class, Qualifiers.byName("startup"));

            // then: value and source layer of each, in the one merged view
            assertThat(s.values()).containsEntry("overload.max-in-flight", "9");
            assertThat(s.sources()).containsEntry("overload.max-in-flight", SettingsLayer.FILE);
            assertThat(s.values()).containsEntry("overload.retry-after-seconds", "6");
            assertThat(s.values()).containsEntry("cache.min-ttl", "3m");
            assertThat(s.values())
                    .as("PORTBROKER_STREAM_MAX_SSE_EVENT_BYTES is set by the surefire configuration")
                    .containsEntry("stream.max-sse-event-bytes", "1048576");
            assertThat(s.sources()).containsEntry("stream.max-sse-event-bytes", SettingsLayer.ENVIRONMENT);
            assertThat(s.sources()).containsEntry("upstream.max-body-bytes", SettingsLayer.DEFAULT);
            assertThat(s.values()).containsEntry("media-urls.allow-http", "false");
            assertThat(s.find("observability.alert-webhook-url").orElseThrow().secret())
                    .isTrue();

            // then: the beans the factories read hold the layered values, not only the container's own properties
            assertThat(ctx.getBean(OverloadConfiguration.class).toSettings().maxInFlight())
                    .isEqualTo(9);
            assertThat(ctx.getBean(OverloadConfiguration.class).getRetryAfterSeconds())
                    .isEqualTo(6);
            assertThat(ctx.getBean(CacheConfiguration.class).getMinTtl()).hasMinutes(3);
            assertThat(ctx.getBean(CacheConfiguration.class).getL3Bucket())
                    .as("a value no layer gives keeps the bean's own default")
                    .isNull();
            assertThat(ctx.getBean(ProviderCredentialsConfiguration.class).getEnvPrefixes())
                    .containsExactly("PB_PROVIDER_", "PB_OTHER_");
            assertThat(ctx.getBean(StreamLimitsConfiguration.class).getMaxSseEventBytes())
                    .isEqualTo(1048576);
        }
    }

    @Test
    void start_shouldListAnInvalidStartupGroupValueOfTheYamlByKeyPath_whenTheSettingsSectionHasOne()
            throws IOException {
        // given
        Path file = Files.createTempFile("portbroker-groups-bad", ".yaml");
        Files.writeString(file, """
                providers: []
                settings:
                  stream:
                    max-bytes: lots
                  overload:
                    max-in-flight: 0
                  upstream:
                    max-body-byte: 10
                """);

        // when
        Throwable cause = startupError(Map.of("portbroker.config-file", file.toString()));

        // then: one error, every problem by its key path
        assertThat(cause)
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("portbroker.stream.max-bytes: ")
                .hasMessageContaining("portbroker.overload: overload max-in-flight must be positive")
                .hasMessageContaining("portbroker.upstream.max-body-byte: unknown setting");
    }

    @Test
    void start_shouldListEveryProblemOfTheStartupGroupsWithTheCoreOnes_whenValuesAreInvalid() {
        // when
        Throwable cause = startupError(Map.of(
                "portbroker.runtime.breaker.failure-rate", "7",
                "portbroker.cache.min-ttl", "soon",
                "portbroker.overload.max-in-flight", "0",
                "portbroker.media-urls.allow-http", "perhaps"));

        // then
        assertThat(cause)
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("portbroker.runtime.breaker.failure-rate: must be at most 1")
                .hasMessageContaining("portbroker.cache.min-ttl: must be a duration")
                .hasMessageContaining("portbroker.overload: ")
                .hasMessageContaining("portbroker.media-urls.allow-http: ");
    }

    @Test
    void all_shouldListEveryPortbrokerConfigurationClassOfTheWiring_whenOneIsAdded() {
        try (ApplicationContext ctx = context(Map.of())) {
            // when
            var declared = ctx.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationReader.class)).stream()
                    .map(BeanDefinition::getBeanType)
                    .filter(t -> t.getPackageName().equals(StartupGroups.class.getPackageName()))
                    .collect(Collectors.toSet());

            // then: a new @ConfigurationProperties class needs its line in StartupGroups.ALL
            assertThat(StartupGroups.ALL.stream().map(BeanGroup::type).collect(Collectors.toSet()))
                    .isEqualTo(declared);
            assertThat(StartupGroups.ALL)
                    .allSatisfy(g -> assertThat(g.type()
                                    .getAnnotation(io.micronaut.context.annotation.ConfigurationProperties.class)
                                    .value())
                            .isEqualTo("portbroker." + g.prefix()));
        }
    }
}
