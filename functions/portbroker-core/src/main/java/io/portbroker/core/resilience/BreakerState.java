package io.portbroker.core.resilience;

/** The states of a circuit breaker, with the gauge value each is published as. */
public enum BreakerState {
    CLOSED(0),
    HALF_OPEN(1),
    OPEN(2);

    private final int gauge;

    BreakerState(int gauge) {
        this.gauge = gauge;
    }

    public int gauge() {
        return gauge;
    }
}
