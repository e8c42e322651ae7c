package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.portbroker.core.settings.InvalidSettingsException;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingsLayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file layer as the container binds it, and the one startup error listing every problem. */
class SettingsStartupTest {

    private static LayeredSettings local(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(properties)
                .start()) {
            return context.getBean(LayeredSettings.class, Qualifiers.byName("local"));
        }
    }

    @Test
    void start_shouldTakeTheFileSectionAndPropertiesAsTheFileLayer_whenBothAreGiven() throws IOException {
        // given
        Path file = Files.createTempFile("portbroker-settings", ".yaml");
        Files.writeString(file, """
                providers: []
                settings:
                  runtime:
                    ping-interval: 20s
                    cors:
                      allowed-origins: [https://admin.example]
                """);

        // when
        LayeredSettings s =
                local(Map.of("portbroker.config-file", file.toString(), "portbroker.runtime.retry.max-attempts", "2"));

        // then
        assertThat(s.settings().runtime().pingInterval()).hasSeconds(20);
        assertThat(s.settings().runtime().cors().allowedOrigins()).containsExactly("https://admin.example");
        assertThat(s.settings().runtime().retry().maxAttempts()).isEqualTo(2);
        assertThat(s.sources()).containsEntry("runtime.ping-interval", SettingsLayer.FILE);
    }

    @Test
    void start_shouldFailWithEveryProblemAndTheNewNames_whenKeysAreInvalidOrRenamed() {
        // when
        Throwable thrown = catchThrowable(() -> local(Map.of(
                "portbroker.validate-streams", "true",
                "portbroker.runtime.breaker.failure-rate", "7",
                "portbroker.runtime.retry.base-backoff", "soon")));

        // then
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof InvalidSettingsException)) {
            cause = cause.getCause();
        }
        assertThat(cause)
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining(
                        "portbroker.validate-streams: renamed: use portbroker.experimental.validate-streams")
                .hasMessageContaining("portbroker.runtime.breaker.failure-rate: must be at most 1")
                .hasMessageContaining("portbroker.runtime.retry.base-backoff: must be a duration");
    }
}
