package io.portbroker.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.testing.RecordingResponder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transport-neutral request, the route table, credential reading and the prefix router. */
class HttpPartsTest {
    private static ApiRequest get(String path, Map<String, List<String>> headers) {
        return new ApiRequest("GET", path, null, headers, null);
    }

    @Test
    void apiRequest_shouldMergeHeadersCaseInsensitively_andDefaultQueryAndBody() {
        // given
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Tag", List.of("a"));
        headers.put("x-tag", List.of("b"));
        headers.put("Empty", List.of());

        // when
        ApiRequest request = get("/v1/models", headers);

        // then
        assertThat(request.headers()).containsEntry("x-tag", List.of("a", "b"));
        assertThat(request.header("X-TAG")).contains("a");
        assertThat(request.header("empty")).isEmpty();
        assertThat(request.header("missing")).isEmpty();
        assertThat(request.query()).isEmpty();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void apiRequest_shouldNeverPrintHeadersOrBody_whenLogged() {
        ApiRequest request = new ApiRequest(
                "POST", "/v1/messages", "", Map.of("x-api-key", List.of("pb_live_secret")), "prompt".getBytes());

        assertThat(request.toString()).isEqualTo("ApiRequest[POST /v1/messages]");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "x-api-key, pb_live_a, pb_live_a",
                "authorization, Bearer pb_live_b , pb_live_b",
                "authorization, bearer pb_live_c, pb_live_c",
                "authorization, Basic dXNlcjpwYXNz, NULL",
                "cookie, pb_live_d, NULL"
            })
    void presentedKey_shouldReadTheHeaderOrBearerToken_only(String header, String value, String expected) {
        assertThat(Credentials.presentedKey(get("/", Map.of(header, List.of(value)))))
                .isEqualTo(expected);
    }

    @Test
    void presentedKey_shouldPreferXApiKey_whenBothHeadersAreSent() {
        ApiRequest both =
                get("/", Map.of("authorization", List.of("Bearer from-bearer"), "x-api-key", List.of("from-header")));

        assertThat(Credentials.presentedKey(both)).isEqualTo("from-header");
    }

    @Test
    void match_shouldBindSegmentsAndTheRest_andIgnoreATrailingSlash() {
        // given
        RouteTable<String> table = new RouteTable<>(List.of(
                new Endpoint<>("GET", "/keys/{id}", "r", "get", "get-key"),
                new Endpoint<>("POST", "/keys/{id}/revoke", "w", "revoke", "revoke"),
                new Endpoint<>("GET", "/models/{id+}", "r", "model", "model")));

        // then
        assertThat(table.match("GET", "/keys/key_1/").orElseThrow().params()).containsEntry("id", "key_1");
        assertThat(table.match("POST", "/keys/key_1/revoke")
                        .orElseThrow()
                        .endpoint()
                        .handler())
                .isEqualTo("revoke");
        assertThat(table.match("GET", "/models/org/a+b%20c").orElseThrow().params())
                .containsEntry("id", "org/a+b c");
        assertThat(table.match("GET", "/models")).isEmpty();
        assertThat(table.match("GET", "/keys")).isEmpty();
        assertThat(table.match("GET", "/keys/key_1/revoke")).isEmpty();
        assertThat(table.match("DELETE", "/keys/key_1")).isEmpty();
        assertThat(table.match("GET", "/other/key_1")).isEmpty();
        assertThat(table.endpoints()).hasSize(3);
    }

    @Test
    void match_shouldMatchTheRoot_whenTheTemplateIsTheRoot() {
        RouteTable<String> table = new RouteTable<>(List.of(new Endpoint<>("GET", "/", null, "root", "root")));

        assertThat(table.match("GET", "")).isPresent();
        assertThat(table.match("GET", "/")).isPresent();
        assertThat(table.match("GET", "/x")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/admin/v1/keys, admin", "/admin, admin", "/admin/, admin", "/administrator, data", "/v1/messages, data"
    })
    void handle_shouldSendPathsUnderThePrefixToThePrefixedApi_only(String path, String expected) {
        // given
        List<String> served = new ArrayList<>();
        PathPrefixRouter router =
                new PathPrefixRouter("/admin", (r, s) -> served.add("admin"), (r, s) -> served.add("data"));

        // when
        router.handle(get(path, Map.of()), new RecordingResponder());

        // then
        assertThat(served).containsExactly(expected);
    }

    @Test
    void handle_shouldAcceptAPrefixWrittenWithItsSlash_whenConfiguredSo() {
        List<String> served = new ArrayList<>();
        PathPrefixRouter router =
                new PathPrefixRouter("/admin/", (r, s) -> served.add("admin"), (r, s) -> served.add("data"));

        router.handle(get("/admin", Map.of()), new RecordingResponder());

        assertThat(served).containsExactly("admin");
    }
}
