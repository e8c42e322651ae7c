package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.ApiKeyFormat;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Two local stacks on one emulator: two containers sharing one table set, one SSM path, one client key and one
 * admin key, each polling for config changes every second. The config is the test's providers and routes.
 */
final class TwoStackFixture implements AutoCloseable {
    /** How long a change may take to reach the other server: a few poll intervals. */
    static final Duration WITHIN = Duration.ofSeconds(6);

    final String prefix;
    final String adminKey;
    final String clientKey;
    final LocalStack first;
    final LocalStack second;

    private TwoStackFixture(String prefix, String adminKey, String clientKey, LocalStack first, LocalStack second) {
        this.prefix = prefix;
        this.adminKey = adminKey;
        this.clientKey = clientKey;
        this.first = first;
        this.second = second;
    }

    /**
     * Starts both servers on the shared moto with {@code providersAndRoutes} (YAML) plus a 1 s config poll; the
     * table prefix starts with {@code prefixStem}.
     */
    static TwoStackFixture start(String prefixStem, String providersAndRoutes) {
        String prefix = prefixStem + UUID.randomUUID().toString().substring(0, 8);
        String adminKey = ApiKeyFormat.generate(new SecureRandom());
        String clientKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = TestStacks.writeConfig(providersAndRoutes + """
                settings:
                  infrastructure:
                    config-poll: 1s
                """);
        LocalStack first = start(config, prefix, clientKey, adminKey);
        LocalStack second = start(config, prefix, clientKey, adminKey);
        return new TwoStackFixture(prefix, adminKey, clientKey, first, second);
    }

    private static LocalStack start(Path config, String prefix, String clientKey, String adminKey) {
        return TestStacks.startQuietly(
                TestStacks.settings(config, prefix).bootstrapKey(clientKey).bootstrapAdminKey(adminKey));
    }

    /** An admin API call to {@code stack} with the shared admin key. */
    HttpResponse<String> admin(LocalStack stack, String method, String path, String body) {
        return AdminHttp.call(stack, method, path, Map.of("x-api-key", adminKey), body);
    }

    /** Waits for a running server's poll (bounded: {@link #WITHIN}). */
    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("not reached within " + WITHIN).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Override
    public void close() {
        second.close();
        first.close();
    }
}
