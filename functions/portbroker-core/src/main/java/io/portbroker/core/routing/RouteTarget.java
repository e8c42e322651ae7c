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

    /** A builder for a target of {@code providerId}'s {@code upstreamModel}: priority 0, weight 1, no caps. */
    public static Builder builder(String providerId, String upstreamModel) {
        return new Builder(providerId, upstreamModel);
    }

    /** Builds a {@link RouteTarget} field by field instead of through positional constructors. */
    public static final class Builder {
        private final String providerId;
        private final String upstreamModel;
        private int priority;
        private int weight = 1;
        private Integer maxOutputTokens;
        private Integer contextWindow;

        private Builder(String providerId, String upstreamModel) {
            this.providerId = providerId;
            this.upstreamModel = upstreamModel;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder weight(int value) {
            this.weight = value;
            return this;
        }

        /** Per-target output cap, or null for the provider profile's. */
        public Builder maxOutputTokens(Integer value) {
            this.maxOutputTokens = value;
            return this;
        }

        /** The model's context length, or null when unknown. */
        public Builder contextWindow(Integer value) {
            this.contextWindow = value;
            return this;
        }

        public RouteTarget build() {
            return new RouteTarget(providerId, upstreamModel, priority, weight, maxOutputTokens, contextWindow);
        }
    }
}
