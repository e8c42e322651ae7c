package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.ir.Usage;

/**
 * Reads an OpenAI-compatible {@code usage} object into Anthropic-style usage: cache reads and writes are taken
 * from every known field (OpenAI {@code prompt_tokens_details.cached_tokens}, DeepSeek
 * {@code prompt_cache_hit_tokens}, OpenRouter/Anthropic-compatible {@code cache_read_input_tokens}) and
 * subtracted from the input count. Shared by the stream and non-stream paths.
 */
public final class OpenAiUsage {
    private OpenAiUsage() {}

    /** Parses a usage node; a missing or null node gives {@link Usage#ZERO}. */
    public static Usage parse(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Usage.ZERO;
        }
        long prompt = usage.path("prompt_tokens").asLong(0);
        long completion = usage.path("completion_tokens").asLong(0);
        JsonNode details = usage.path("prompt_tokens_details");
        long cacheRead = firstPositive(
                details.path("cached_tokens").asLong(0),
                usage.path("prompt_cache_hit_tokens").asLong(0),
                usage.path("cache_read_input_tokens").asLong(0));
        long cacheWrite = firstPositive(
                details.path("cache_write_tokens").asLong(0),
                details.path("cache_creation_tokens").asLong(0),
                usage.path("cache_creation_input_tokens").asLong(0));
        long fresh = Math.max(0, prompt - cacheRead - cacheWrite);
        return new Usage(fresh, completion, cacheRead, cacheWrite);
    }

    private static long firstPositive(long a, long b, long c) {
        return a > 0 ? a : b > 0 ? b : Math.max(c, 0);
    }
}
