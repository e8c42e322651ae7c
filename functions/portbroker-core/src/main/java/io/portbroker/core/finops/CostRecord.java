package io.portbroker.core.finops;

import java.time.Instant;

/**
 * The cost of one request with its tags. The key id is a tag here (stored in DynamoDB), never a metric label.
 *
 * @param requestId the request
 * @param at when it finished
 * @param env deployment environment tag
 * @param service service tag ({@code gateway})
 * @param provider provider id
 * @param model upstream model
 * @param keyId client key id
 * @param inputTokens fresh input tokens
 * @param outputTokens output tokens
 * @param cacheReadTokens cache-read input tokens
 * @param cacheWriteTokens cache-write input tokens
 * @param costUsd dollars at the price table version {@code priceVersion}
 * @param priceVersion the price table version used (0 when only the provider's list prices applied)
 */
public record CostRecord(
        String requestId,
        Instant at,
        String env,
        String service,
        String provider,
        String model,
        String keyId,
        long inputTokens,
        long outputTokens,
        long cacheReadTokens,
        long cacheWriteTokens,
        double costUsd,
        int priceVersion) {}
