package io.portbroker.core.http.steps;

import io.portbroker.protocol.codec.TokenCounter;
import java.nio.charset.StandardCharsets;

/** {@code count_tokens}: decodes without requiring generation limits and answers the estimate, no provider call. */
public final class CountTokensStep implements Step {
    private final TokenCounter tokens;

    public CountTokensStep(TokenCounter tokens) {
        this.tokens = tokens;
    }

    /** @throws io.portbroker.error.InvalidRequestError for a body the dialect cannot read */
    @Override
    public void apply(Exchange exchange, Chain next) {
        var decoded =
                exchange.dialect().decodeCountTokensRequest(exchange.request().body(), exchange.notes());
        byte[] body = ("{\"input_tokens\":" + tokens.count(decoded) + "}").getBytes(StandardCharsets.UTF_8);
        exchange.responder().respond(200, ResponseHeaders.base(exchange.requestId(), ResponseHeaders.JSON), body);
    }
}
