package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.testing.IrRequests;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaUrlPolicyTest {
    /** Names resolve from this table only: no test touches real DNS. */
    private static final Map<String, String> DNS = Map.of(
            "images.example", "93.184.216.34", "rebind.example", "169.254.169.254", "intranet.example", "10.1.2.3");

    private final UrlPolicy addresses = new UrlPolicy(UrlPolicyConfig.strict(), host -> {
        String ip = DNS.get(host);
        if (ip == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(ip));
    });
    private final MediaUrlPolicy strict = new MediaUrlPolicy(addresses, false);

    private static NormalizedRequest request(ContentBlock block) {
        // tool results carry media too: nest the block there as well
        ContentBlock inResult = new ContentBlock.ToolResult("t1", List.of(block), false);
        return IrRequests.request("m")
                .user(new ContentBlock.Text("look"), inResult)
                .maxTokens(16)
                .build();
    }

    @ParameterizedTest
    @CsvSource({
        "file:///etc/passwd, image source.url must be an https URL",
        "http://images.example/a.png, image source.url must be an https URL",
        "gopher://images.example/, image source.url must be an https URL",
        "https://169.254.169.254/latest/meta-data, image source.url points to a non-public address",
        "https://[::ffff:127.0.0.1]/a.png, image source.url points to a non-public address",
        "https://rebind.example/a.png, image source.url points to a non-public address",
        "https://intranet.example/a.png, image source.url points to a non-public address",
        "https://user:pw@images.example/a.png, image source.url must not contain credentials",
        "https://nowhere.example/a.png, image source.url host does not resolve",
        "https:///a.png, image source.url must have a host name or public address",
    })
    void check_shouldRefuseWith400_whenAnImageUrlBreaksThePolicy(String url, String message) {
        assertThatThrownBy(() -> strict.check(request(new ContentBlock.Image(new MediaSource.Url(url)))))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://images.example/a.pdf", "HTTPS://images.example:8443/a.pdf"})
    void check_shouldPass_whenTheDocumentUrlIsHttpsToAPublicHost(String url) {
        assertThatCode(() -> strict.check(request(new ContentBlock.Document(new MediaSource.Url(url), null))))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://images.example/a.png"})
    void check_shouldAcceptPlainHttp_onlyWhenConfigured(String url) {
        MediaUrlPolicy withHttp = new MediaUrlPolicy(addresses, true);

        assertThatCode(() -> withHttp.check(request(new ContentBlock.Image(new MediaSource.Url(url)))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() ->
                        withHttp.check(request(new ContentBlock.Image(new MediaSource.Url("file:///etc/passwd")))))
                .hasMessage("image source.url must be an http(s) URL");
    }
}
