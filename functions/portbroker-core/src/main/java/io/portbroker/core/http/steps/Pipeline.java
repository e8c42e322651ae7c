package io.portbroker.core.http.steps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.portbroker.core.observability.Tracing;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Steps run in order; the last one answers. Immutable and thread-safe when its steps are. Each named step (a
 * class called {@code FooStep}) runs in its own span ({@code foo}, snake case): the span ends when the step hands
 * over to the next one, so the steps' spans are siblings under the request's span and each measures only its own
 * work.
 */
public final class Pipeline {
    private static final Pattern WORD_START = Pattern.compile("([a-z0-9])([A-Z])");

    private final List<Step> steps;
    /** The chain from each step on, built once: the span names and links are the same for every request. */
    private final Step.Chain first;

    public Pipeline(List<Step> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
        Step.Chain chain = exchange -> {
            // the last step answered; nothing follows
        };
        for (int i = this.steps.size() - 1; i >= 0; i--) {
            Step step = this.steps.get(i);
            String name = spanName(step);
            Step.Chain next = chain;
            chain = exchange -> traced(name, step, exchange, next);
        }
        this.first = chain;
    }

    /** Runs the steps on {@code exchange}. */
    public void run(Exchange exchange) {
        first.proceed(exchange);
    }

    /** The steps, in order (for tests and the route listing). */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Runs {@code step} in a span named {@code name} (no span when null), ended when the step calls {@code next}
     * or returns; {@code next} runs in the caller's span again.
     */
    public static void traced(String name, Step step, Exchange exchange, Step.Chain next) {
        if (name == null) {
            step.apply(exchange, next);
            return;
        }
        Context parent = Context.current();
        Span span = Tracing.span(name).setParent(parent).startSpan();
        boolean[] handedOver = {false};
        try (Scope scope = span.makeCurrent()) {
            step.apply(exchange, x -> {
                handedOver[0] = true;
                span.end();
                try (Scope back = parent.makeCurrent()) {
                    next.proceed(x);
                }
            });
        } catch (RuntimeException e) {
            if (!handedOver[0]) {
                span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            }
            throw e;
        } finally {
            if (!handedOver[0]) {
                span.end();
            }
        }
    }

    /** {@code FooBarStep} → {@code foo_bar}; null for anything else (lambdas run without a span). */
    static String spanName(Step step) {
        String simple = step.getClass().getSimpleName();
        if (!simple.endsWith("Step") || simple.length() == 4) {
            return null;
        }
        return WORD_START
                .matcher(simple.substring(0, simple.length() - 4))
                .replaceAll("$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
