package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.bool;
import static io.portbroker.dynamodb.Attributes.map;
import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.names;
import static io.portbroker.dynamodb.Attributes.number;
import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CapabilityProfile.MaxTokensField;
import io.portbroker.protocol.profile.CapabilityProfile.ReasoningPassback;
import io.portbroker.protocol.profile.CapabilityProfile.ReasoningStyle;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the providers table: the capability profile is one map attribute with every field (names as
 * in {@code portbroker.yaml}), timeouts a map of milliseconds. Reading is lenient: a field missing from an older
 * item takes its default, so adding a profile field never needs a data migration.
 */
final class ProviderItems {

    static final String PROVIDER_ID = "provider_id";

    private ProviderItems() {}

    static Map<String, AttributeValue> toItem(ProviderConfig p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PROVIDER_ID, s(p.id()));
        item.put("dialect", s(p.dialect()));
        item.put("base_url", s(p.baseUrl().toString()));
        if (p.credentialRef() != null) {
            item.put("credential_ref", s(p.credentialRef()));
        }
        item.put("enabled", bool(p.enabled()));
        item.put("profile", AttributeValue.fromM(profile(p.profile())));
        Timeouts t = p.timeouts();
        item.put(
                "timeouts",
                AttributeValue.fromM(Map.of(
                        "connect_ms", n(t.connect().toMillis()),
                        "first_token_ms", n(t.firstToken().toMillis()),
                        "idle_ms", n(t.idle().toMillis()),
                        "total_ms", n(t.total().toMillis()))));
        if (p.pricing() != null) {
            // decimal strings, not doubles: prices such as 0.27 must come back exactly
            item.put(
                    "pricing",
                    AttributeValue.fromM(Map.of(
                            "input_per_million",
                                    AttributeValue.fromN(
                                            Double.toString(p.pricing().inputPerMillion())),
                            "output_per_million",
                                    AttributeValue.fromN(
                                            Double.toString(p.pricing().outputPerMillion())))));
        }
        if (p.bedrock() != null) {
            item.put("bedrock_region", s(p.bedrock().region()));
            if (p.bedrock().modelId() != null) {
                item.put("bedrock_model_id", s(p.bedrock().modelId()));
            }
        }
        return item;
    }

    static ProviderConfig fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> t = map(item, "timeouts");
        Timeouts d = Timeouts.defaults();
        return new ProviderConfig(
                string(item, PROVIDER_ID, null),
                string(item, "dialect", "openai-chat"),
                string(item, "base_url", URI::create, null),
                string(item, "credential_ref", null),
                profile(map(item, "profile")),
                new Timeouts(
                        millis(t, "connect_ms", d.connect()),
                        millis(t, "first_token_ms", d.firstToken()),
                        millis(t, "idle_ms", d.idle()),
                        millis(t, "total_ms", d.total())),
                bool(item, "enabled", true),
                pricing(map(item, "pricing")),
                bedrock(item));
    }

    /** A Bedrock provider's region and model; null for providers of other dialects (items without a region). */
    private static io.portbroker.core.routing.BedrockModel bedrock(Map<String, AttributeValue> item) {
        String region = string(item, "bedrock_region", null);
        return region == null
                ? null
                : new io.portbroker.core.routing.BedrockModel(region, string(item, "bedrock_model_id", null));
    }

    private static ProviderConfig.Pricing pricing(Map<String, AttributeValue> m) {
        AttributeValue in = m.get("input_per_million");
        AttributeValue out = m.get("output_per_million");
        return in == null || out == null || in.n() == null || out.n() == null
                ? null
                : new ProviderConfig.Pricing(Double.parseDouble(in.n()), Double.parseDouble(out.n()));
    }

    private static Duration millis(Map<String, AttributeValue> map, String name, Duration fallback) {
        return Duration.ofMillis(number(map, name, fallback.toMillis()));
    }

    private static Map<String, AttributeValue> profile(CapabilityProfile p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("max_output_tokens", n(p.maxOutputTokens()));
        m.put("max_tokens_field", s(p.maxTokensField().name()));
        m.put("sampling_params", names(p.samplingParams()));
        m.put("tool_choice_modes", names(p.toolChoiceModes()));
        m.put("parallel_tool_calls", bool(p.parallelToolCalls()));
        m.put("vision", bool(p.vision()));
        m.put("pdf", bool(p.pdf()));
        m.put("reasoning_style", s(p.reasoningStyle().name()));
        m.put("reasoning_passback", s(p.reasoningPassback().name()));
        m.put("max_stop_sequences", n(p.maxStopSequences()));
        m.put("stream_usage", bool(p.streamUsage()));
        m.put("strip_schema_keys", names(p.stripSchemaKeys()));
        return m;
    }

    private static CapabilityProfile profile(Map<String, AttributeValue> m) {
        CapabilityProfile d = CapabilityProfile.openAiDefaults();
        return new CapabilityProfile(
                (int) number(m, "max_output_tokens", d.maxOutputTokens()),
                string(m, "max_tokens_field", MaxTokensField::valueOf, d.maxTokensField()),
                names(m, "sampling_params", d.samplingParams()),
                names(m, "tool_choice_modes", d.toolChoiceModes()),
                bool(m, "parallel_tool_calls", d.parallelToolCalls()),
                bool(m, "vision", d.vision()),
                bool(m, "pdf", d.pdf()),
                string(m, "reasoning_style", ReasoningStyle::valueOf, d.reasoningStyle()),
                string(m, "reasoning_passback", ReasoningPassback::valueOf, d.reasoningPassback()),
                (int) number(m, "max_stop_sequences", d.maxStopSequences()),
                bool(m, "stream_usage", d.streamUsage()),
                names(m, "strip_schema_keys", d.stripSchemaKeys()));
    }
}
