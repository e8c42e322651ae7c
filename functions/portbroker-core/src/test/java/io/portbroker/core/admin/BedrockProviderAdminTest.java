package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.RecordingResponder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bedrock providers through the admin API: region and model id stored and shown, no key accepted, the region's
 * public endpoint not run through the base-URL guard while an endpoint override is.
 */
class BedrockProviderAdminTest {
    private static final String ARN =
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0";
    private final AdminFixture f = new AdminFixture();

    private ProviderConfig stored(String id) {
        return f.config.providers().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void createProvider_shouldStoreRegionAndModelWithoutKey_whenTheDialectIsBedrock() {
        // given: the guard would refuse the AWS host if it were asked (it must not be: the endpoint is AWS's own)
        f.refusedHosts.add("bedrock-runtime.us-east-1.amazonaws.com");

        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/providers",
                json("{'id':'br','dialect':'bedrock-converse','region':'us-east-1','model_id':'" + ARN + "'}"));

        assertThat(r.status).isEqualTo(201);
        JsonNode view = r.json();
        assertThat(view.path("region").asText()).isEqualTo("us-east-1");
        assertThat(view.path("model_id").asText()).isEqualTo(ARN);
        assertThat(view.path("credential").asText()).isEqualTo("none");
        assertThat(view.path("base_url").asText()).isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com");
        assertThat(stored("br").bedrock()).isEqualTo(new BedrockModel("us-east-1", ARN));
        JsonNode doc = f.ok(f.call("GET", "/admin/v1/openapi.json"));
        assertThat(new SchemaConformance(doc)
                        .problems(view, doc.path("components").path("schemas").path("Provider")))
                .isEmpty();
    }

    @Test
    @Tag("error-path")
    void createProvider_shouldRunTheOverrideThroughTheGuard_whenAnEndpointOverrideIsGiven() {
        f.refusedHosts.add("10.0.0.5");

        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/providers",
                json("{'id':'br','dialect':'bedrock-converse','region':'us-east-1',"
                        + "'endpoint_override':'https://10.0.0.5'}"));

        assertThat(r.status).isEqualTo(400);
        assertThat(f.config.providers()).isEmpty();
    }

    @Test
    @Tag("error-path")
    void createProvider_shouldRefuseAKey_whenTheDialectIsBedrock() {
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/providers",
                json("{'id':'br','dialect':'bedrock-converse','region':'us-east-1','api_key':'AKIAFAKE'}"));

        assertThat(r.status).isEqualTo(400);
        assertThat(r.text()).contains("AWS role").doesNotContain("AKIAFAKE");
        assertThat(f.vault.stored).isEmpty();
    }

    @Test
    void listProviders_shouldShowNullRegion_whenTheProviderIsNotBedrock() {
        f.ok(f.call("POST", "/admin/v1/providers", json("{'id':'local','base_url':'https://ollama.example/v1'}")));

        JsonNode view = f.ok(f.call("GET", "/admin/v1/providers/local"));

        assertThat(view.path("region").isNull()).isTrue();
        assertThat(view.path("model_id").isNull()).isTrue();
    }
}
