package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.config.CapabilitiesJson;
import io.portbroker.core.config.ConfigEntries;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.upstream.Origin;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Providers CRUD. Bodies are {@code portbroker.yaml} provider entries plus a write-only {@code api_key}, which
 * goes to the vault at once; responses say only where the credential comes from, never what it is.
 */
final class ProviderAdmin {
    private final ConfigStore config;
    private final ConfigEditor editor;
    private final ProviderCredentialVault vault;
    private final ProviderUrlGuard urlGuard;
    private final AuditLog audit;

    ProviderAdmin(
            ConfigStore config,
            ConfigEditor editor,
            ProviderCredentialVault vault,
            ProviderUrlGuard urlGuard,
            AuditLog audit) {
        this.config = config;
        this.editor = editor;
        this.vault = vault;
        this.urlGuard = urlGuard;
        this.audit = audit;
    }

    /** The body's documented shape; nested objects are checked by the config rules. */
    record ProviderBody(
            @JsonProperty("id") String id,
            @JsonProperty("dialect") String dialect,
            @JsonProperty("base_url") String baseUrl,
            @JsonProperty("api_key") String apiKey,
            @JsonProperty("api_key_env") String apiKeyEnv,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("timeouts") JsonNode timeouts,
            @JsonProperty("profile") JsonNode profile,
            @JsonProperty("capabilities") JsonNode capabilities,
            @JsonProperty("pricing") JsonNode pricing,
            @JsonProperty("region") String region,
            @JsonProperty("model_id") String modelId,
            @JsonProperty("endpoint_override") String endpointOverride) {}

    Object list(AdminCall call) {
        Optional<Boolean> enabled = call.query("enabled").map(Boolean::parseBoolean);
        Optional<String> dialect = call.query("dialect");
        return call.list(Listing.page(
                        config.providers().stream()
                                .filter(p -> enabled.map(e -> p.enabled() == e).orElse(true))
                                .filter(p ->
                                        dialect.map(d -> p.dialect().equals(d)).orElse(true))
                                .toList(),
                        ProviderConfig::id,
                        call.page())
                .map(ProviderAdmin::view));
    }

    Object get(AdminCall call) {
        return view(find(call.param("id")));
    }

    Object create(AdminCall call) {
        ProviderBody body = call.body(ProviderBody.class);
        if (body.id() != null && config.providers().stream().anyMatch(p -> p.id().equals(body.id()))) {
            throw new InvalidRequestError("provider " + body.id() + " already exists; use PUT to replace it");
        }
        return save(call, body, null, "provider.create");
    }

    Object replace(AdminCall call) {
        String id = call.param("id");
        ProviderBody body = call.body(ProviderBody.class);
        if (body.id() != null && !body.id().equals(id)) {
            throw new InvalidRequestError("the body's id differs from the path");
        }
        return save(call, body, find(id), "provider.replace");
    }

    Object delete(AdminCall call) {
        ProviderConfig provider = find(call.param("id"));
        config.routes().stream()
                .filter(r -> r.targets().stream().anyMatch(t -> t.providerId().equals(provider.id())))
                .findFirst()
                .ifPresent(r -> {
                    throw new InvalidRequestError("provider is used by route " + r.pattern());
                });
        editor.deleteProvider(provider.id());
        vault.delete(provider.id());
        audit.append(new AuditEvent(AuditStream.ADMIN, call.actor(), "provider.delete", provider.id(), Map.of()));
        return null;
    }

    private Object save(AdminCall call, ProviderBody body, ProviderConfig existing, String action) {
        ObjectNode entry = (ObjectNode) AdminJson.object(call.request().body());
        entry.remove("api_key");
        if (existing != null) {
            entry.put("id", existing.id());
        }
        if (body.apiKey() != null && body.apiKeyEnv() != null) {
            throw new InvalidRequestError("give api_key or api_key_env, not both");
        }
        if (body.apiKey() != null && body.apiKey().isBlank()) {
            throw new InvalidRequestError("api_key must not be empty");
        }
        ProviderConfig parsed = ConfigEntries.provider(entry.toString());
        if (parsed.bedrock() != null && body.apiKey() != null) {
            throw new InvalidRequestError(
                    "a bedrock-converse provider takes no api_key: calls are signed with the" + " gateway's AWS role");
        }
        // a Bedrock provider's default endpoint is AWS's own, built here; an override is checked like any base URL
        if (parsed.bedrock() == null
                || !parsed.baseUrl().equals(parsed.bedrock().defaultEndpoint())) {
            urlGuard.check(parsed.baseUrl());
        }
        String credentialRef = parsed.credentialRef();
        if (body.apiKey() != null) {
            credentialRef = vault.store(parsed.id(), parsed.baseUrl(), body.apiKey());
        } else if (body.apiKeyEnv() == null && existing != null) {
            credentialRef = existing.credentialRef();
            // a stored key was given for one host; sending it to another needs the operator to give it again
            if (credentialRef != null
                    && !credentialRef.startsWith("env:")
                    && !Origin.of(parsed.baseUrl()).equals(Origin.of(existing.baseUrl()))) {
                throw new InvalidRequestError(
                        "base_url moves the provider to another origin (scheme, host, port); send api_key again");
            }
        }
        // a wither keeps every parsed field, the pricing included
        ProviderConfig provider = parsed.withCredentialRef(credentialRef);
        config.putProvider(provider);
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                action,
                provider.id(),
                Map.of(
                        "base_url", provider.baseUrl().toString(),
                        "credential", source(provider.credentialRef()))));
        return view(provider);
    }

    private ProviderConfig find(String id) {
        return config.providers().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundError("no provider " + id));
    }

    static Map<String, Object> view(ProviderConfig p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", p.id());
        v.put("dialect", p.dialect());
        v.put("base_url", p.baseUrl().toString());
        v.put("enabled", p.enabled());
        v.put("credential", source(p.credentialRef()));
        v.put("capabilities", CapabilitiesJson.write(p.profile()));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("connect_ms", p.timeouts().connect().toMillis());
        t.put("first_token_ms", p.timeouts().firstToken().toMillis());
        t.put("idle_ms", p.timeouts().idle().toMillis());
        t.put("total_ms", p.timeouts().total().toMillis());
        v.put("timeouts", t);
        v.put("pricing", pricing(p.pricing()));
        v.put("region", p.bedrock() == null ? null : p.bedrock().region());
        v.put("model_id", p.bedrock() == null ? null : p.bedrock().modelId());
        return v;
    }

    private static Map<String, Object> pricing(ProviderConfig.Pricing pricing) {
        if (pricing == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_per_million", pricing.inputPerMillion());
        m.put("output_per_million", pricing.outputPerMillion());
        return m;
    }

    /** Where the key comes from, without revealing it: {@code none}, {@code env:NAME} or {@code stored}. */
    private static String source(String credentialRef) {
        if (credentialRef == null) {
            return "none";
        }
        return credentialRef.startsWith("env:") ? credentialRef : "stored";
    }
}
