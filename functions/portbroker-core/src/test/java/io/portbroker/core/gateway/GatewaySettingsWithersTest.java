package io.portbroker.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.settings.ExperimentalSettings;
import io.portbroker.core.settings.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each wither changes its one field and keeps every other (what the positional convenience form could not). */
class GatewaySettingsWithersTest {
    private final GatewaySettings base = GatewaySettings.ofDefaults();

    @Test
    void withers_shouldChangeOnlyTheirField_whenChained() {
        // when
        GatewaySettings s = base.withMaxBodyBytes(4096)
                .withPingInterval(Duration.ofSeconds(2))
                .withValidateStreams(true)
                .withExposeMetrics(true)
                .withMaxAttempts(5);

        // then
        assertThat(s.maxBodyBytes()).isEqualTo(4096);
        assertThat(s.pingInterval()).hasSeconds(2);
        assertThat(s.validateStreams()).isTrue();
        assertThat(s.exposeMetrics()).isTrue();
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.retry().baseBackoff()).isEqualTo(base.retry().baseBackoff());
        assertThat(s.breaker()).isEqualTo(base.breaker());
    }

    @Test
    void withRetryAndBreaker_shouldReplaceTheWholeTuning_whenGiven() {
        // given
        RetrySettings retry = RetrySettings.ofDefaults();
        BreakerSettings breaker = BreakerSettings.ofDefaults();

        // when
        GatewaySettings s = base.withMaxAttempts(0).withRetry(retry).withBreaker(breaker);

        // then
        assertThat(s.retry()).isEqualTo(retry);
        assertThat(s.breaker()).isEqualTo(breaker);
        assertThat(base.withMaxAttempts(0).maxAttempts())
                .as("at least one attempt")
                .isEqualTo(1);
        assertThat(s.maxBodyBytes()).isEqualTo(base.maxBodyBytes());
    }

    @Test
    void ofDefaults_shouldBeTheDefaultSettingsGroups_whenNothingIsSet() {
        // then: 32 MiB bodies, 10 s pings, 3 attempts, no validator, no metrics page, default tuning
        assertThat(base.maxBodyBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(base.pingInterval()).hasSeconds(10);
        assertThat(base.maxAttempts()).isEqualTo(3);
        assertThat(base.validateStreams()).isFalse();
        assertThat(base.exposeMetrics()).isFalse();
        assertThat(base.retry()).isEqualTo(RetrySettings.ofDefaults());
        assertThat(base.breaker()).isEqualTo(BreakerSettings.ofDefaults());
    }

    @Test
    void of_shouldTakeEachFieldFromItsGroup_whenTheSettingsDiffer() {
        // given
        Settings settings = Settings.ofDefaults().withExperimental(new ExperimentalSettings(true));

        // when
        GatewaySettings s = GatewaySettings.of(settings);

        // then
        assertThat(s).isEqualTo(base.withValidateStreams(true));
    }
}
