package io.portbroker.core.routing;

/**
 * One place a route may send a request.
 *
 * @param providerId the provider
 * @param upstreamModel the provider's model id
 * @param priority lower goes first for priority routing
 * @param weight relative share for weighted routing
 * @param maxOutputTokens per-target cap on output tokens, or null to use the provider profile's
 */
public record RouteTarget(String providerId, String upstreamModel, int priority, int weight, Integer maxOutputTokens) {}
