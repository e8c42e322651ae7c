/**
 * The response cache: a decorator of the {@link io.portbroker.core.gateway.Messages} port
 * ({@link io.portbroker.core.cache.CachingMessages}) with its key builder, policy, PII guard, tiers (L1 in this
 * container, L2 and L3 behind the {@link io.portbroker.core.cache.CacheStore} port), single-flight and stream
 * replay. Plain Java: the DynamoDB and S3 stores live in infra.
 */
package io.portbroker.core.cache;
