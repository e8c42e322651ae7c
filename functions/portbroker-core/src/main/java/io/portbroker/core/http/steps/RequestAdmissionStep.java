package io.portbroker.core.http.steps;

import io.portbroker.core.limits.Metering;

/**
 * Admits a call that costs no model tokens ({@code count_tokens}) against the key's request limit: it counts one
 * request and reserves no tokens. Nothing is written to the usage record, which holds model calls and their
 * tokens (what costs are computed from); Anthropic's own {@code count_tokens} is likewise free but rate-limited.
 */
public final class RequestAdmissionStep implements Step {
    private final Metering metering;

    public RequestAdmissionStep(Metering metering) {
        this.metering = metering;
    }

    /** @throws io.portbroker.error.RateLimitError when the key's request limit for the minute is reached */
    @Override
    public void apply(Exchange exchange, Chain next) {
        metering.admit(
                exchange.principal(),
                new Metering.Caller(
                        exchange.request().header("user-agent").orElse(null),
                        AdmissionStep.sourceIp(exchange.request())),
                0);
        next.proceed(exchange);
    }
}
