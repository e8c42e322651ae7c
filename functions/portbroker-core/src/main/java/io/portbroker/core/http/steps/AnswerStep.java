package io.portbroker.core.http.steps;

import java.util.function.Function;

/** Answers 200 with a body computed from the exchange (health, model lists, token counts, the metrics page). */
public final class AnswerStep implements Step {
    private final String contentType;
    private final Function<Exchange, byte[]> body;

    public AnswerStep(String contentType, Function<Exchange, byte[]> body) {
        this.contentType = contentType;
        this.body = body;
    }

    /** A JSON answer. */
    public static AnswerStep json(Function<Exchange, byte[]> body) {
        return new AnswerStep(ResponseHeaders.JSON, body);
    }

    @Override
    public void apply(Exchange exchange, Chain next) {
        byte[] bytes = body.apply(exchange);
        exchange.responder().respond(200, ResponseHeaders.base(exchange.requestId(), contentType), bytes);
    }
}
