package io.portbroker.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.NamingConvention;
import java.util.Locale;

/**
 * Turns camel-case names ({@code FirstByteLatency}, kept for the CloudWatch alarm) into snake case before the
 * registry's own convention adds its suffixes, so the Prometheus page shows {@code first_byte_latency_seconds}.
 */
final class SnakeCaseNaming implements NamingConvention {
    private final NamingConvention delegate;

    SnakeCaseNaming(NamingConvention delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name(String name, Meter.Type type, String baseUnit) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return delegate.name(snake, type, baseUnit);
    }

    @Override
    public String tagKey(String key) {
        return delegate.tagKey(key);
    }
}
