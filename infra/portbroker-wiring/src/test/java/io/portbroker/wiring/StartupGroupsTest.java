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
import io.portbroker.core.settings.StartupSetting;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The start-up groups ({@code portbroker.cache.*}, {@code overload.*}, ...) as the container binds them: their value
 * and source layer in the effective view, and their problems in the one start-up error with the core groups'.
 */
class StartupGroupsTest {

    private static ApplicationContext context(Map<String, Object> properties) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(properties)
                .start();
    }

    @Test
    void effective_shouldShowEachValueWithItsSourceLayer_whenGivenByFileEnvironmentOrDefault() {
        try (ApplicationContext ctx = context(Map.of(
                "portbroker.cache.min-ttl", "2m",
                "portbroker.overload.max-in-flight", "7",
                "portbroker.observability.alert-webhook-url", "https://hooks.example/T0/secret-path"))) {
            // when
            Map<String, StartupSetting> rows =
                    StartupGroups.effective(ctx.getEnvironment(), ctx, System.getenv()).stream()
                            .collect(Collectors.toMap(StartupSetting::key, Function.identity()));

            // then
            assertThat(rows.get("portbroker.cache.min-ttl"))
                    .isEqualTo(new StartupSetting("portbroker.cache.min-ttl", "2m", SettingsLayer.FILE));
            assertThat(rows.get("portbroker.overload.max-in-flight").value()).isEqualTo("7");
            assertThat(rows.get("portbroker.stream.max-sse-event-bytes"))
                    .as("PORTBROKER_STREAM_MAX_SSE_EVENT_BYTES is set by the surefire configuration")
                    .isEqualTo(new StartupSetting(
                            "portbroker.stream.max-sse-event-bytes", "1048576", SettingsLayer.ENVIRONMENT));
            assertThat(rows.get("portbroker.upstream.max-body-bytes").source()).isEqualTo(SettingsLayer.DEFAULT);
            assertThat(rows.get("portbroker.observability.alert-webhook-url").value())
                    .isEqualTo("****");
            assertThat(rows.get("portbroker.media-urls.allow-http").value()).isEqualTo("false");
            assertThat(rows).containsKey("portbroker.provider-credentials.env-prefixes");
        }
    }

    @Test
    void start_shouldListEveryProblemOfTheStartupGroupsWithTheCoreOnes_whenValuesAreInvalid() {
        // when
        Throwable thrown = catchThrowable(() -> {
            try (ApplicationContext ctx = context(Map.of(
                    "portbroker.runtime.breaker.failure-rate", "7",
                    "portbroker.cache.min-ttl", "soon",
                    "portbroker.overload.max-in-flight", "0",
                    "portbroker.media-urls.allow-http", "perhaps"))) {
                ctx.getBean(LayeredSettings.class, Qualifiers.byName("local"));
            }
        });

        // then
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof InvalidSettingsException)) {
            cause = cause.getCause();
        }
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
