package io.portbroker.core.gateway;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * A random source safe to share between request threads: each call draws from the calling thread's own
 * generator. A single {@code SplittableRandom} shared by every request is not thread-safe (concurrent updates of
 * its seed lose draws and repeat values, which skews weighted routing and jitter).
 */
public enum ConcurrentRandom implements RandomGenerator {
    INSTANCE;

    @Override
    public long nextLong() {
        return ThreadLocalRandom.current().nextLong();
    }

    @Override
    public double nextDouble() {
        return ThreadLocalRandom.current().nextDouble();
    }

    @Override
    public int nextInt(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
