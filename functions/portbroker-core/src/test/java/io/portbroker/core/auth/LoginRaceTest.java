package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.auth.memory.InMemoryAdminUserStore;
import io.portbroker.core.auth.memory.InMemoryLoginAttemptStore;
import io.portbroker.core.auth.memory.InMemoryRefreshTokenStore;
import io.portbroker.error.AuthenticationError;
import io.portbroker.error.RateLimitError;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Concurrent password guesses against one account: a store that holds every lockout check until all guesses have
 * made theirs reproduces the worst interleaving deterministically (every check before any failure is recorded).
 */
class LoginRaceTest {
    private static final int GUESSES = 20;
    private static final int FREE_FAILURES = 5;

    private final InstantSource clock = () -> Instant.parse("2026-01-01T00:00:00Z");
    private final CyclicBarrier allChecked = new CyclicBarrier(GUESSES);

    /** Lets a lookup of the account's counter proceed only once every guess has looked. */
    private final LoginAttemptStore checkingTogether = new LoginAttemptStore() {
        private final InMemoryLoginAttemptStore inner = new InMemoryLoginAttemptStore();

        @Override
        public FailedAttempts recordFailure(String key, Instant now, Instant forgetAt) {
            return inner.recordFailure(key, now, forgetAt);
        }

        @Override
        public Optional<FailedAttempts> find(String key, Instant now) {
            Optional<FailedAttempts> found = inner.find(key, now);
            if (key.startsWith("acct#")) {
                try {
                    allChecked.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return found;
        }

        @Override
        public void clear(String key) {
            inner.clear(key);
        }
    };

    @Test
    void login_shouldVerifyAtMostTheFreeAttemptsPlusOne_whenGuessesArriveTogether() throws Exception {
        // given
        SecureRandom random = new SecureRandom();
        AdminAuthService service = new AdminAuthService(
                new InMemoryAdminUserStore(),
                new PasswordHasher(PasswordHasherTest.SMALL, random),
                new JwtService(
                        "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
                        JwtConfig.of("portbroker", "portbroker-admin"),
                        clock),
                new RefreshTokens(new InMemoryRefreshTokenStore(), RefreshConfig.ofDefaults(), clock, random),
                LoginThrottle.withDefaults(checkingTogether, clock),
                clock,
                random);
        service.bootstrapAdmin("root", Set.of("admin:*"));

        // when: twenty wrong guesses from twenty addresses at once
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(GUESSES)) {
            for (int i = 0; i < GUESSES; i++) {
                String ip = "203.0.113." + i;
                outcomes.add(pool.submit(() -> {
                    try {
                        service.login("root", "wrong-guess", ip);
                        return Void.class;
                    } catch (AuthenticationError | RateLimitError e) {
                        return e.getClass();
                    }
                }));
            }
        }

        // then: only the free failures and the one that starts the lockout reached the password check
        List<Class<?>> results = new ArrayList<>();
        for (Future<Class<?>> f : outcomes) {
            results.add(f.get());
        }
        assertThat(results).filteredOn(AuthenticationError.class::equals).hasSize(FREE_FAILURES + 1);
        assertThat(results).filteredOn(RateLimitError.class::equals).hasSize(GUESSES - FREE_FAILURES - 1);
    }
}
