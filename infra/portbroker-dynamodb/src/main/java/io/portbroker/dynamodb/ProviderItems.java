package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.bool;
import static io.portbroker.dynamodb.Attributes.map;
import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.number;
import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.config.CapabilitiesJson;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the providers table: the capability profile is one map attribute {@code capabilities} in the
 * configuration shape ({@code common} and one map per dialect part, names as in {@code portbroker.yaml}), timeouts a
 * map of milliseconds. Reading is lenient: a field missing from an older item takes its default, and an item of the
 * older flat {@code profile} shape is still read, so neither the split nor a new field needs a data migration.
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
        item.put("capabilities", PlainValues.toAttribute(CapabilitiesJson.write(p.profile())));
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
        String dialect = string(item, "dialect", "openai-chat");
        return new ProviderConfig(
                string(item, PROVIDER_ID, null),
                dialect,
                string(item, "base_url", URI::create, null),
                string(item, "credential_ref", null),
                capabilities(item, dialect),
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

    /** Items written before the split hold the flat {@code profile} map; they are read, and rewritten on save. */
    private static CapabilityProfile capabilities(Map<String, AttributeValue> item, String dialect) {
        if (item.containsKey("capabilities") && item.get("capabilities").hasM()) {
            return CapabilitiesJson.read(PlainValues.toPlain(map(item, "capabilities")), dialect);
        }
        return CapabilitiesJson.readFlat(PlainValues.toPlain(map(item, "profile")), dialect);
    }
}
