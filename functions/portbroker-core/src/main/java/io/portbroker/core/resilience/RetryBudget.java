package io.portbroker.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caps retries (and hedges) at a fraction of recent requests, so an outage cannot multiply the load on
 * providers (Google SRE book, "Handling Overload"; Envoy and tower keep the same kind of budget). Each request
 * deposits {@code ratio} tokens, each retry withdraws one; deposits older than the window expire, and a small
 * per-second reserve lets a quiet gateway retry at all. Kept per container: a fleet-wide budget is the sum of
 * the containers'. Thread-safe.
 */
public final class RetryBudget {

    private static final int SLOTS = 10;

    private final Clock clock;
    private final double ratio;
    private final double reserve;
    private final long slotMillis;
    private final long[] slotEpoch = new long[SLOTS];
    private final double[] deposits = new double[SLOTS];
    private final long[] withdrawals = new long[SLOTS];
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param ratio retries per request allowed
     * @param minPerSecond retries per second always allowed
     * @param window how long a deposit counts
     */
    public RetryBudget(Clock clock, double ratio, int minPerSecond, Duration window) {
        this.clock = clock;
        this.ratio = ratio;
        this.reserve = minPerSecond * (window.toMillis() / 1000d);
        this.slotMillis = Math.max(1, window.toMillis() / SLOTS);
    }

    public static RetryBudget of(Clock clock, RetrySettings s) {
        return new RetryBudget(clock, s.budgetRatio(), s.budgetMinPerSecond(), s.budgetWindow());
    }

    /** Records one client request. */
    public void deposit() {
        lock.lock();
        try {
            deposits[slot()] += ratio;
        } finally {
            lock.unlock();
        }
    }

    /** Takes one retry from the budget; false (nothing taken) when it is spent. */
    public boolean tryWithdraw() {
        lock.lock();
        try {
            int current = slot();
            long epoch = slotEpoch[current];
            double balance = reserve;
            for (int i = 0; i < SLOTS; i++) {
                if (slotEpoch[i] > epoch - SLOTS) {
                    balance += deposits[i] - withdrawals[i];
                }
            }
            if (balance < 1) {
                return false;
            }
            withdrawals[current]++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The slot for now, emptied first when it last held an older period. */
    private int slot() {
        long epoch = clock.millis() / slotMillis;
        int slot = (int) Math.floorMod(epoch, (long) SLOTS);
        if (slotEpoch[slot] != epoch) {
            deposits[slot] = 0;
            withdrawals[slot] = 0;
            slotEpoch[slot] = epoch;
        }
        return slot;
    }
}
