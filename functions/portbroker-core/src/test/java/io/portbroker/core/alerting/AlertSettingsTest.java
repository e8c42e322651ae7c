package io.portbroker.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSettingsTest {

    @Test
    void settings_shouldKeepDefaults_andRefuseNonsense() {
        AlertSettings d = AlertSettings.ofDefaults();
        assertThat(d.webhook()).isNull();
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new AlertSettings(URI.create("https://hooks.example/x"), d.interval(), Duration.ZERO, 1).webhook())
                .hasHost("hooks.example");
        assertThatThrownBy(() -> new AlertSettings(URI.create("ftp://x/y"), d.interval(), d.breakerOpenLimit(), 0.1))
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> new AlertSettings(null, Duration.ZERO, d.breakerOpenLimit(), 0.1))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new AlertSettings(null, null, d.breakerOpenLimit(), 0.1))
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new AlertSettings(null, d.interval(), Duration.ofSeconds(-1), 0.1))
                .hasMessageContaining("breaker-open");
        assertThatThrownBy(() -> new AlertSettings(null, d.interval(), null, 0.1))
                .hasMessageContaining("breaker-open");
        assertThatThrownBy(() -> new AlertSettings(null, d.interval(), d.breakerOpenLimit(), 0))
                .hasMessageContaining("error-rate");
        assertThatThrownBy(() -> new AlertSettings(null, d.interval(), d.breakerOpenLimit(), 1.5))
                .hasMessageContaining("error-rate");
    }
}
