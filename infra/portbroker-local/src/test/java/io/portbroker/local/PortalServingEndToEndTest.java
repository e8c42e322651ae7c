package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real local server serves a built portal at {@code /portal/} beside the admin API and the gateway. */
class PortalServingEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String INDEX =
            "<!doctype html><script type=module src=\"/portal/assets/index-BN-mszXS.js\"></script>";
    private static GatewayFixture fixture;
    private static Path dist;

    @BeforeAll
    static void start() throws IOException {
        dist = Files.createTempDirectory("portal-dist");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("index.html"), INDEX);
        Files.writeString(dist.resolve("assets/index-BN-mszXS.js"), "console.log('portal')");
        Files.writeString(dist.resolve("assets/index-CaMX-41q.css"), "body{}");
        Files.writeString(dist.resolve(".env"), "SECRET=1");
        Files.writeString(dist.getParent().resolve("outside-portal.txt"), "outside");
        fixture = GatewayFixture.start(Map.of("portbroker.portal.dir", dist.toString()));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void index_shouldBeRevalidatedByETagWithAStrictCsp_whenThePortalIsOpened() throws Exception {
        // when
        HttpResponse<String> first = get("/portal/", Map.of());
        HttpResponse<String> again = get(
                "/portal/",
                Map.of("If-None-Match", first.headers().firstValue("etag").orElseThrow()));

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(INDEX);
        assertThat(first.headers().firstValue("cache-control")).hasValue("no-cache");
        assertThat(first.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(first.headers().firstValue("content-security-policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void asset_shouldBeImmutableForAYear_whenItIsAHashedBuildFile() throws Exception {
        // Vite's hashes contain '-' and '_': such names once fell through to the gateway's catch-all route
        HttpResponse<String> r = get("/portal/assets/index-BN-mszXS.js", Map.of());
        HttpResponse<String> css = get("/portal/assets/index-CaMX-41q.css", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("console.log('portal')");
        assertThat(r.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(css.body()).isEqualTo("body{}");
        assertThat(css.headers().firstValue("content-type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void pagePath_shouldAnswerTheIndex_whenTheRouterOwnsIt() throws Exception {
        HttpResponse<String> r = get("/portal/keys/abc", Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(INDEX);
    }

    @Test
    void file_shouldNeverBeServed_whenItIsADotFileOrOutsideTheBuild() throws Exception {
        assertThat(get("/portal/.env", Map.of()).body()).isEqualTo(INDEX);
        assertThat(get("/portal/%2e%2e/outside-portal.txt", Map.of()).body()).doesNotContain("outside");
        assertThat(get("/portal/assets/missing-1234.js", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void otherRoutes_shouldStillReachTheApi_whileThePortalIsServed() throws Exception {
        assertThat(get("/portal", Map.of()).body()).isEqualTo(INDEX);
        assertThat(get("/health", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/admin/v1/providers", Map.of()).statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.baseUrl() + path));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
