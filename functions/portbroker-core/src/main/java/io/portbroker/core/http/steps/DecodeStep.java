package io.portbroker.core.http.steps;

/** Decodes the body with the route's client dialect into the IR, noting what it dropped. */
public final class DecodeStep implements Step {

    /** @throws io.portbroker.error.InvalidRequestError for a body the dialect cannot read */
    @Override
    public void apply(Exchange exchange, Chain next) {
        exchange.decoded(exchange.dialect().decodeRequest(exchange.request().body(), exchange.notes()));
        next.proceed(exchange);
    }
}
