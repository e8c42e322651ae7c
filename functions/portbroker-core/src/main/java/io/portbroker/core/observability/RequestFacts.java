package io.portbroker.core.observability;

/**
 * What the Messages layer learnt about one request, for its {@code request_completed} line: the provider that
 * served it, the model label, tokens, the cost in US dollars and the cache status (null when unknown).
 *
 * @param provider provider id
 * @param model the client's model name as asked
 * @param inputTokens input tokens (without cache reads and writes)
 * @param outputTokens output tokens
 * @param costUsd cost of the call at the price table's rates, or null when the provider has no prices
 * @param cache the response cache's verdict ({@code hit}, {@code miss}, …) or null when no cache ran
 */
public record RequestFacts(
        String provider, String model, long inputTokens, long outputTokens, Double costUsd, String cache) {}
