package io.portbroker.protocol.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.ir.Usage;

/** Reads an Anthropic {@code usage} object onto an earlier reading (fields absent keep their earlier value). */
final class AnthropicUpstreamUsage {
    private AnthropicUpstreamUsage() {}

    static Usage merge(Usage base, JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return base;
        }
        return new Usage(
                usage.path("input_tokens").asLong(base.inputTokens()),
                usage.path("output_tokens").asLong(base.outputTokens()),
                usage.path("cache_read_input_tokens").asLong(base.cacheReadInputTokens()),
                usage.path("cache_creation_input_tokens").asLong(base.cacheCreationInputTokens()));
    }
}
