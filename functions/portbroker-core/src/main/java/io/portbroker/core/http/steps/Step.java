package io.portbroker.core.http.steps;

/**
 * One step of the request pipeline. A step either answers (and does not call {@code next}), fails with a
 * {@link io.portbroker.error.GatewayException}, or does its part and calls {@code next}; it may act again after
 * {@code next} returns (admission settles usage there).
 */
@FunctionalInterface
public interface Step {

    void apply(Exchange exchange, Chain next);

    /** The rest of the pipeline. */
    @FunctionalInterface
    interface Chain {
        void proceed(Exchange exchange);
    }
}
