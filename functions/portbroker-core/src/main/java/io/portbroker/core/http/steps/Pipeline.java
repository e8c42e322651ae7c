package io.portbroker.core.http.steps;

import java.util.List;

/** Steps run in order; the last one answers. Immutable and thread-safe when its steps are. */
public final class Pipeline {
    private final List<Step> steps;

    public Pipeline(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    /** Runs the steps on {@code exchange}. */
    public void run(Exchange exchange) {
        at(0).proceed(exchange);
    }

    /** The steps, in order (for tests and the route listing). */
    public List<Step> steps() {
        return steps;
    }

    private Step.Chain at(int index) {
        if (index == steps.size()) {
            return exchange -> {
                // the last step answered; nothing follows
            };
        }
        return exchange -> steps.get(index).apply(exchange, at(index + 1));
    }
}
