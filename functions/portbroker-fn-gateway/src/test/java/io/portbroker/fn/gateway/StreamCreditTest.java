package io.portbroker.fn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.error.CancelledError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamCreditTest {
    private final StreamCredit credit = new StreamCredit(100);

    @Test
    void acquire_shouldWaitOnAVirtualThread_untilTheServerTakesEarlierChunks() throws Exception {
        // given: the buffer is full
        credit.acquire(80);
        CompletableFuture<Void> writer = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            credit.acquire(40);
            writer.complete(null);
        });
        awaitWaiting(t);
        assertThat(writer).isNotDone();

        // when
        credit.release(80);

        // then
        writer.get(10, TimeUnit.SECONDS);
        assertThat(credit.buffered()).isEqualTo(40);
    }

    @Test
    void acquire_shouldPassAChunkLargerThanTheCapacity_whenTheBufferIsEmpty() {
        credit.acquire(1_000);

        assertThat(credit.buffered()).isEqualTo(1_000);
    }

    @Test
    void acquire_shouldNeverWaitOnAPlatformThread_whenTheBufferIsFull() throws Exception {
        // the watchdog's pings run on a platform thread and must not stall every other stream's watchdog
        credit.acquire(100);
        CompletableFuture<Void> ping = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            credit.acquire(10);
            ping.complete(null);
        });

        ping.get(10, TimeUnit.SECONDS);
        assertThat(credit.buffered()).isEqualTo(110);
    }

    @Test
    void cancel_shouldFailAWaitingWriter_whenTheClientHasGone() throws Exception {
        // given
        credit.acquire(100);
        CompletableFuture<Throwable> writer = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                credit.acquire(50);
                writer.complete(null);
            } catch (CancelledError e) {
                writer.complete(e);
            }
        });
        awaitWaiting(t);

        // when
        credit.cancel();

        // then
        assertThat(writer.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledError.class);
    }

    private static void awaitWaiting(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.TIMED_WAITING && t.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("writer never waited").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
