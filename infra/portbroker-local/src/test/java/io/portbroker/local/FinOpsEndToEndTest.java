package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.core.settings.Settings;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prices set through the admin API, then real calls through the server: each request's cost lands in a DynamoDB
 * row with its tags, the day's rollup adds up, and /admin/v1/costs serves it as JSON, CSV and a forecast.
 */
class FinOpsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Replies.completion: 25 prompt and 12 completion tokens; at 1 $/M in and 2 $/M out. */
    private static final double COST_PER_CALL = (25 * 1.0 + 12 * 2.0) / 1_000_000;

    static GatewayFixture gw;
    static String adminKey;

    @BeforeAll
    static void start() {
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        gw = GatewayFixture.start(MotoEndpoint.resolve().toString(), Map.of(), adminKey);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("x-api-key", key)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void costs_shouldBeRecordedPerRequestAndRolledUp_afterAFewCalls() throws Exception {
        // given: a price table through the admin API
        HttpResponse<String> prices = call("PUT", "/admin/v1/prices", adminKey, """
                {"version":0,"prices":{"fake/fake-model":{"input_per_million":1.0,"output_per_million":2.0}}}""");
        assertThat(prices.statusCode()).as(prices.body()).isEqualTo(200);
        assertThat(JSON.readTree(prices.body()).path("version").asInt()).isEqualTo(1);
        HttpResponse<String> stale = call("PUT", "/admin/v1/prices", adminKey, """
                {"version":0,"prices":{}}""");
        assertThat(stale.statusCode()).isEqualTo(400);

        // when: three calls
        gw.upstream.script(req -> Replies.completion("hello", List.of(), "stop"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = call(
                    "POST",
                    "/v1/messages",
                    gw.clientKey,
                    "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":20,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }

        // then: the rollup (written off the response path: bounded wait)
        JsonNode byKey = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            byKey = JSON.readTree(
                    call("GET", "/admin/v1/costs?group_by=key", adminKey, null).body());
            if (byKey.path("data").path(0).path("requests").asInt() == 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(byKey.path("data")).hasSize(1);
        assertThat(byKey.path("data").path(0).path("requests").asInt()).isEqualTo(3);
        assertThat(byKey.path("data").path(0).path("input_tokens").asLong()).isEqualTo(75);
        assertThat(byKey.path("total_usd").asDouble()).isCloseTo(3 * COST_PER_CALL, Offset.offset(1e-12));
        String keyId = byKey.path("data").path(0).path("key").asText();
        assertThat(keyId).isNotBlank().doesNotContain("pb_live_");

        JsonNode byModel = JSON.readTree(
                call("GET", "/admin/v1/costs?group_by=model", adminKey, null).body());
        assertThat(byModel.path("data").path(0).path("model").asText()).isEqualTo("fake/fake-model");

        HttpResponse<String> csv = call("GET", "/admin/v1/costs?group_by=provider&format=csv", adminKey, null);
        assertThat(csv.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("provider,requests,input_tokens,output_tokens,cost_usd\n")
                .contains("fake,3,75,36,0.000147");

        JsonNode forecast = JSON.readTree(
                call("GET", "/admin/v1/costs/forecast", adminKey, null).body());
        assertThat(forecast.path("daily")).hasSize(30);
        assertThat(forecast.path("anomaly").path("today_usd").asDouble())
                .isCloseTo(3 * COST_PER_CALL, Offset.offset(1e-12));
        assertThat(forecast.path("anomaly").path("firing").asBoolean()).isFalse();

        // and: one request row per call, with its tags
        DynamoDbClient dynamo = gw.stack.context().getBean(DynamoDbClient.class);
        String prefix =
                gw.stack.context().getBean(Settings.class).infrastructure().tablePrefix();
        List<Map<String, AttributeValue>> rows = dynamo.scan(b -> b.tableName(prefix + "-costs")).items().stream()
                .filter(i -> i.get("pk").s().startsWith("req#"))
                .toList();
        assertThat(rows).hasSize(3);
        Map<String, AttributeValue> row = rows.getFirst();
        assertThat(row.get("env").s()).isNotBlank();
        assertThat(row.get("service").s()).isEqualTo("gateway");
        assertThat(row.get("provider").s()).isEqualTo("fake");
        assertThat(row.get("model").s()).isEqualTo("fake-model");
        assertThat(row.get("key_id").s()).isEqualTo(keyId);
        assertThat(Double.parseDouble(row.get("cost_usd").n())).isCloseTo(COST_PER_CALL, Offset.offset(1e-12));
        assertThat(row.get("price_version").n()).isEqualTo("1");
    }
}
