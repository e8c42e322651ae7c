package io.portbroker.lambda;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Flow;

/**
 * A single-subscriber publisher that keeps what is written until the HTTP client asks for it (a
 * {@link java.util.concurrent.SubmissionPublisher} drops items published before anyone subscribed).
 */
final class BufferingPublisher implements Flow.Publisher<ByteBuffer> {
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private Flow.Subscriber<? super ByteBuffer> subscriber;
    private long demand;
    private boolean closed;
    private boolean completed;
    private boolean cancelled;

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
        synchronized (this) {
            subscriber = s;
        }
        s.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                synchronized (BufferingPublisher.this) {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                drain();
            }

            @Override
            public void cancel() {
                synchronized (BufferingPublisher.this) {
                    cancelled = true;
                    queue.clear();
                }
            }
        });
        drain();
    }

    /** Queues bytes; false when the subscriber cancelled. */
    boolean write(ByteBuffer buffer) {
        synchronized (this) {
            if (cancelled || closed) {
                return false;
            }
            queue.add(buffer);
        }
        drain();
        return true;
    }

    void close() {
        synchronized (this) {
            closed = true;
        }
        drain();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    private void drain() {
        while (true) {
            ByteBuffer next;
            Flow.Subscriber<? super ByteBuffer> s;
            boolean complete = false;
            synchronized (this) {
                s = subscriber;
                if (s == null || cancelled) {
                    return;
                }
                if (demand > 0 && !queue.isEmpty()) {
                    next = queue.poll();
                    demand--;
                } else if (queue.isEmpty() && closed && !completed) {
                    completed = true;
                    next = null;
                    complete = true;
                } else {
                    return;
                }
            }
            if (complete) {
                s.onComplete();
                return;
            }
            s.onNext(next);
        }
    }
}
