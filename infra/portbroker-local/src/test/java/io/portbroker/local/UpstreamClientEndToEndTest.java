package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.upstream.JdkUpstreamTransport;
import io.portbroker.upstream.SocketUpstreamTransport;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code portbroker.upstream.client} picks the provider HTTP client, and both carry a buffered and a streamed
 * request through the whole gateway (sockets when unset).
 */
class UpstreamClientEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource({"'',sockets", "jdk,jdk", "SOCKETS,sockets"})
    void messages_shouldGoThroughTheChosenClient_whenTheSettingNamesIt(String setting, String expected)
            throws Exception {
        Map<String, Object> props = setting.isEmpty() ? Map.of() : Map.of("portbroker.upstream.client", setting);
        try (GatewayFixture gw = GatewayFixture.start(props)) {
            // given
            Class<?> want = expected.equals("jdk") ? JdkUpstreamTransport.class : SocketUpstreamTransport.class;
            assertThat(gw.stack.context().getBean(UpstreamTransport.class)).isInstanceOf(want);

            // when: one buffered and one streamed answer
            gw.upstream.script(req -> Replies.completion("buffered hi", List.of(), "stop"));
            HttpResponse<String> buffered = post(gw, false);
            gw.upstream.script(req -> Replies.streamText(Duration.ZERO, "str", "eamed"));
            HttpResponse<String> streamed = post(gw, true);

            // then
            assertThat(buffered.statusCode()).as(buffered.body()).isEqualTo(200);
            assertThat(buffered.body()).contains("buffered hi");
            assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
            assertThat(streamed.body())
                    .contains("message_stop")
                    .contains("\"str\"")
                    .contains("\"eamed\"");
        }
    }

    private static HttpResponse<String> post(GatewayFixture gw, boolean stream) throws Exception {
        String body = Requests.messages("claude-sonnet-4-5").stream(stream).json();
        return HTTP.send(gw.messages(body), HttpResponse.BodyHandlers.ofString());
    }
}
