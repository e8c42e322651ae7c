package io.portbroker.core.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decides which attempt of a request answers the client: the first to claim it (first token of a stream, or a
 * complete non-streamed answer). Claiming cancels every other attempt, so a hedge loser's upstream is closed at
 * once. With a single attempt the claim always succeeds.
 */
final class Race {
    private final Clock clock;
    private final Consumer<Attempt> onWin;
    private final List<Attempt> attempts = new ArrayList<>();
    private Attempt winner;

    /** @param onWin runs once for the winner (time-to-first-token bookkeeping) */
    Race(Clock clock, Consumer<Attempt> onWin) {
        this.clock = clock;
        this.onWin = onWin;
    }

    synchronized void add(Attempt attempt) {
        attempts.add(attempt);
        if (winner != null) {
            attempt.cancel();
        }
    }

    /** True for the first attempt to claim (and again for that same attempt); false for every other. */
    boolean claim(Attempt attempt) {
        List<Attempt> losers;
        synchronized (this) {
            if (winner != null) {
                return winner == attempt;
            }
            winner = attempt;
            losers = attempts.stream().filter(a -> a != attempt).toList();
        }
        attempt.markFirstToken(clock.instant());
        onWin.accept(attempt);
        losers.forEach(Attempt::cancel);
        return true;
    }

    synchronized Attempt winner() {
        return winner;
    }

    /** Thrown inside an attempt that lost the race; the orchestrator ignores it. */
    static final class Lost extends RuntimeException {
        Lost() {
            super(null, null, false, false);
        }
    }
}
