package io.portbroker.core.routing;

/**
 * One place a route may send a request.
 *
 * @param providerId the provider
 * @param upstreamModel the provider's model id
 * @param priority lower goes first for priority routing
 * @param weight relative share for weighted routing
 * @param maxOutputTokens per-target cap on output tokens, or null to use the provider profile's
 * @param contextWindow the model's context length in tokens, or null when unknown (never filtered out)
 */
public record RouteTarget(
        String providerId,
        String upstreamModel,
        int priority,
        int weight,
        Integer maxOutputTokens,
        Integer contextWindow) {

    /** A target without a known context window. */
    public RouteTarget(String providerId, String upstreamModel, int priority, int weight, Integer maxOutputTokens) {
        this(providerId, upstreamModel, priority, weight, maxOutputTokens, null);
    }
}
