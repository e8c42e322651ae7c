package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An upstream script that holds its answer: it signals when a request has arrived and answers only once released
 * (or after 30 s), so a test can keep one request in flight while it checks what happens to the next.
 */
public final class HeldReply {
    private static final long WAIT_SECONDS = 30;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A script answering {@code reply} once released. */
    public Function<JsonNode, Reply> answering(Reply reply) {
        return req -> {
            entered.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reply;
        };
    }

    /** Whether a request arrived within 30 s. */
    public boolean awaitEntered() throws InterruptedException {
        return entered.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Lets the held request be answered. */
    public void release() {
        release.countDown();
    }
}
