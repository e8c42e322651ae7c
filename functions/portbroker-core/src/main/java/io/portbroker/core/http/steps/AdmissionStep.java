package io.portbroker.core.http.steps;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.limits.Metering;
import io.portbroker.protocol.codec.TokenCounter;

/**
 * Admits the decoded request against the key's limits (it runs after decoding: the token reservation needs the
 * input estimate and {@code max_tokens}), lets the rest of the chain answer, then settles the reservation with
 * the real usage, whatever happened.
 */
public final class AdmissionStep implements Step {
    private final Metering metering;
    private final TokenCounter tokens;

    public AdmissionStep(Metering metering, TokenCounter tokens) {
        this.metering = metering;
        this.tokens = tokens;
    }

    /** @throws io.portbroker.error.RateLimitError when a limit of the key is reached */
    @Override
    public void apply(Exchange exchange, Chain next) {
        var decoded = exchange.decoded();
        Metering.Ticket ticket = metering.admit(
                exchange.principal(),
                new Metering.Caller(exchange.request().header("user-agent").orElse(null), sourceIp(exchange.request())),
                tokens.count(decoded) + Math.max(0, decoded.maxTokens()));
        try {
            next.proceed(exchange);
        } finally {
            metering.finish(ticket, exchange.usage());
        }
    }

    static String sourceIp(ApiRequest request) {
        // the address the shell saw (socket, API Gateway sourceIp, trusted proxies), never a client header
        return io.portbroker.core.ssrf.TrustedSource.address(request);
    }
}
