/**
 * Per-key usage: requests and tokens per day plus the last-used time, written asynchronously in batches by
 * {@link io.portbroker.core.usage.UsageRecorder} so the request path never waits on the store.
 */
package io.portbroker.core.usage;
