package io.portbroker.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.codec.ByteSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferedResponderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void toProxyResponse_shouldKeepJsonAsText_whenTheContentTypeIsJson() throws IOException {
        // given
        BufferedResponder responder = new BufferedResponder();
        responder.respond(
                201, Map.of("content-type", "application/json"), "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        // when
        JsonNode response = JSON.readTree(responder.toProxyResponse());

        // then
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(response.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.path("body").asText()).isEqualTo("{\"id\":\"x\"}");
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(response.has("multiValueHeaders")).isFalse();
    }

    @Test
    void toProxyResponse_shouldCollectAStreamAndEncodeItAsBase64_whenTheBodyIsBinary() throws IOException {
        // given
        BufferedResponder responder = new BufferedResponder();
        ByteSink sink = responder.startStream(200, Map.of("content-type", "application/octet-stream"));
        responder.onCancel(() -> {
            throw new AssertionError("a buffered invocation is never cancelled");
        });
        sink.write(new byte[] {1, 2});
        sink.write(new byte[] {3});
        responder.endStream();

        // when
        JsonNode response = JSON.readTree(responder.toProxyResponse());

        // then
        assertThat(response.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(response.path("body").asText())).containsExactly(1, 2, 3);
    }

    @Test
    void respond_shouldRefuseASecondAnswer_whenOneWasStarted() {
        // given
        BufferedResponder responder = new BufferedResponder();
        responder.respond(204, Map.of(), new byte[0]);

        // when / then
        assertThatThrownBy(() -> responder.startStream(200, Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toProxyResponse_shouldRefuse_whenTheHandlerNeverAnswered() {
        assertThatThrownBy(() -> new BufferedResponder().toProxyResponse()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isScheduled_shouldTellTheScheduleFromOtherEvents_whenGivenRawPayloads() {
        assertThat(ScheduledEvents.isScheduled("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\"}"
                        .getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(ScheduledEvents.isScheduled(
                        "{\"source\":\"aws.events\",\"detail-type\":\"Other\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ScheduledEvents.isScheduled("{\"httpMethod\":\"GET\"}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ScheduledEvents.isScheduled("not json".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(ScheduledEvents.isScheduled(new byte[0])).isFalse();
    }
}
