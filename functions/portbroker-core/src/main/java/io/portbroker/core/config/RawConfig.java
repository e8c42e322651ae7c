package io.portbroker.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The file's shape exactly as written, before defaults and validation. Boxed types tell "absent" from "set";
 * Jackson rejects any key not declared here, which is how typos and inline secrets are caught.
 */
record RawConfig(
        @JsonProperty("version") Integer version,
        @JsonProperty("providers") List<Provider> providers,
        @JsonProperty("routes") List<Route> routes,
        // read by io.portbroker.core.settings.SettingsFile (the file layer of the settings), not here
        @JsonProperty("settings") com.fasterxml.jackson.databind.JsonNode settings) {

    record Provider(
            @JsonProperty("id") String id,
            @JsonProperty("dialect") String dialect,
            @JsonProperty("base_url") String baseUrl,
            @JsonProperty("api_key_env") String apiKeyEnv,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("timeouts") Timeouts timeouts,
            @JsonProperty("profile") Profile profile,
            @JsonProperty("capabilities") Capabilities capabilities,
            @JsonProperty("pricing") Pricing pricing,
            @JsonProperty("region") String region,
            @JsonProperty("model_id") String modelId,
            @JsonProperty("endpoint_override") String endpointOverride) {}

    record Pricing(
            @JsonProperty("input_per_million") Double inputPerMillion,
            @JsonProperty("output_per_million") Double outputPerMillion) {}

    record Hedge(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("delay") String delay,
            @JsonProperty("use_p95") Boolean useP95) {}

    record Timeouts(
            @JsonProperty("connect") String connect,
            @JsonProperty("first_token") String firstToken,
            @JsonProperty("idle") String idle,
            @JsonProperty("total") String total) {}

    record Profile(
            @JsonProperty("max_output_tokens") Integer maxOutputTokens,
            @JsonProperty("max_tokens_field") String maxTokensField,
            @JsonProperty("sampling_params") List<String> samplingParams,
            @JsonProperty("tool_choice_modes") List<String> toolChoiceModes,
            @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
            @JsonProperty("vision") Boolean vision,
            @JsonProperty("pdf") Boolean pdf,
            @JsonProperty("reasoning_style") String reasoningStyle,
            @JsonProperty("reasoning_passback") String reasoningPassback,
            @JsonProperty("max_stop_sequences") Integer maxStopSequences,
            @JsonProperty("stream_usage") Boolean streamUsage,
            @JsonProperty("strip_schema_keys") List<String> stripSchemaKeys) {

        /** The older flat shape's common fields. */
        Common common() {
            return new Common(maxOutputTokens, samplingParams, vision, pdf, maxStopSequences);
        }

        /** The older flat shape's OpenAI Chat Completions fields; null when it sets none of them. */
        OpenAiChat openAiChat() {
            boolean any = maxTokensField != null
                    || toolChoiceModes != null
                    || parallelToolCalls != null
                    || reasoningStyle != null
                    || reasoningPassback != null
                    || streamUsage != null
                    || stripSchemaKeys != null;
            return any
                    ? new OpenAiChat(
                            maxTokensField,
                            toolChoiceModes,
                            parallelToolCalls,
                            reasoningStyle,
                            reasoningPassback,
                            streamUsage,
                            stripSchemaKeys,
                            null)
                    : null;
        }
    }

    /**
     * A provider's capabilities: the common part and one part per upstream dialect, by its key. A new dialect's
     * part is one more component here (and one {@link CapabilityPart} in {@link CapabilityParts#ALL}).
     */
    record Capabilities(
            @JsonProperty("common") Common common,
            @JsonProperty("openai_chat") OpenAiChat openAiChat) {}

    record Common(
            @JsonProperty("max_output_tokens") Integer maxOutputTokens,
            @JsonProperty("sampling_params") List<String> samplingParams,
            @JsonProperty("vision") Boolean vision,
            @JsonProperty("pdf") Boolean pdf,
            @JsonProperty("max_stop_sequences") Integer maxStopSequences) {}

    record OpenAiChat(
            @JsonProperty("max_tokens_field") String maxTokensField,
            @JsonProperty("tool_choice_modes") List<String> toolChoiceModes,
            @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
            @JsonProperty("reasoning_style") String reasoningStyle,
            @JsonProperty("reasoning_passback") String reasoningPassback,
            @JsonProperty("stream_usage") Boolean streamUsage,
            @JsonProperty("strip_schema_keys") List<String> stripSchemaKeys,
            @JsonProperty("seed") Boolean seed) {}

    record Route(
            @JsonProperty("model") String model,
            @JsonProperty("strategy") String strategy,
            @JsonProperty("listed") Boolean listed,
            @JsonProperty("hedge") Hedge hedge,
            @JsonProperty("targets") List<Target> targets) {}

    record Target(
            @JsonProperty("provider") String provider,
            @JsonProperty("model") String model,
            @JsonProperty("priority") Integer priority,
            @JsonProperty("weight") Integer weight,
            @JsonProperty("max_output_tokens") Integer maxOutputTokens,
            @JsonProperty("context_window") Integer contextWindow) {}
}
