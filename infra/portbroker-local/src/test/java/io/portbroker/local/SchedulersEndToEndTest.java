package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Closing a stack stops its timer threads: the observability scheduler (alert evaluation, usage flushes) and the
 * request watchdog's. Before, both kept running after the context had closed, so a closed stack's alert rules went
 * on firing every interval and failed on the closed context (NoSuchBeanException warnings in later tests' output).
 */
class SchedulersEndToEndTest {

    @Test
    void close_shouldShutDownTheSchedulers_whenTheStackCloses() {
        GatewayFixture gw = GatewayFixture.start(Map.of());
        ScheduledExecutorService observability = scheduler(gw, "observability");
        ScheduledExecutorService watchdog = scheduler(gw, "watchdog");
        assertThat(observability.isShutdown()).isFalse();
        assertThat(watchdog.isShutdown()).isFalse();

        gw.close();

        assertThat(observability.isShutdown()).isTrue();
        assertThat(watchdog.isShutdown()).isTrue();
    }

    private static ScheduledExecutorService scheduler(GatewayFixture gw, String name) {
        return gw.stack.context().getBean(ScheduledExecutorService.class, Qualifiers.byName(name));
    }
}
