package io.portbroker.core.http.steps;

import io.portbroker.error.RequestTooLargeError;

/** Refuses bodies over the limit before anything decodes them. */
public final class SizeStep implements Step {
    private final long maxBodyBytes;

    public SizeStep(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** @throws RequestTooLargeError when the body is larger than the limit */
    @Override
    public void apply(Exchange exchange, Chain next) {
        if (exchange.request().body().length > maxBodyBytes) {
            throw new RequestTooLargeError("request body exceeds " + maxBodyBytes + " bytes");
        }
        next.proceed(exchange);
    }
}
