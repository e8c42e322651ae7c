package io.portbroker.core.testing;

import io.portbroker.core.routing.RouteTarget;

/**
 * Builds route targets: {@code Targets.target("deepseek", "deepseek-chat").priority(2).maxOutputTokens(8000)
 * .build()}. Defaults: priority 0, weight 1, no output-token cap, unknown context window. {@link Routes#to(String,
 * String)} numbers its targets itself; this builder is for the targets a test needs to shape.
 */
public final class Targets {
    private final String providerId;
    private final String upstreamModel;
    private int priority;
    private int weight = 1;
    private Integer maxOutputTokens;
    private Integer contextWindow;

    private Targets(String providerId, String upstreamModel) {
        this.providerId = providerId;
        this.upstreamModel = upstreamModel;
    }

    /** A target on {@code providerId}'s model {@code upstreamModel}. */
    public static Targets target(String providerId, String upstreamModel) {
        return new Targets(providerId, upstreamModel);
    }

    public Targets priority(int value) {
        priority = value;
        return this;
    }

    public Targets weight(int value) {
        weight = value;
        return this;
    }

    public Targets maxOutputTokens(Integer value) {
        maxOutputTokens = value;
        return this;
    }

    public Targets contextWindow(Integer value) {
        contextWindow = value;
        return this;
    }

    public RouteTarget build() {
        return new RouteTarget(providerId, upstreamModel, priority, weight, maxOutputTokens, contextWindow);
    }
}
