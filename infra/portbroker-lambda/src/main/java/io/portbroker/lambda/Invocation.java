package io.portbroker.lambda;

/**
 * One invocation handed out by the Lambda Runtime API.
 *
 * @param requestId the Lambda request id
 * @param deadlineMs epoch millis by which the function must finish
 * @param traceId X-Ray trace header, or null
 * @param payload the event JSON
 */
public record Invocation(String requestId, long deadlineMs, String traceId, byte[] payload) {}
