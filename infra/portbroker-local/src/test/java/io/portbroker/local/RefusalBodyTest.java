package io.portbroker.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.gateway.Ids;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.overload.OverloadSettings;
import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.ingress.openai.OpenAiChatClientDialect;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pre-encoded 529 body is byte for byte what the dialect itself encodes for the same request id. */
class RefusalBodyTest {
    static List<ClientDialect> dialects() {
        return List.of(new AnthropicMessagesDialect(false), new OpenAiChatClientDialect(Clock.systemUTC()));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void forRequest_shouldEqualTheDialectsOwnEncoding_whenGivenFreshIds(ClientDialect dialect) {
        // given
        OverloadedError refusal = new OverloadedError("the gateway is at capacity; retry shortly", 3);
        RefusalBody body = RefusalBody.of(dialect, refusal);

        // when / then: two different ids, each spliced where the dialect puts it
        for (String id : List.of(Ids.requestId(), Ids.requestId())) {
            assertThat(new String(body.forRequest(id), UTF_8))
                    .isEqualTo(new String(dialect.encodeError(refusal, id), UTF_8));
        }
        assertThat(body.retryAfter()).isEqualTo(3);
    }

    @Test
    void current_shouldEncodeAgain_whenTheBoundsSettingsAreSwapped() {
        // given: one encoding for the settings in force
        InFlightLimit limit = new InFlightLimit(OverloadSettings.ofDefaults());
        Refusals refusals = new Refusals(limit, new AnthropicMessagesDialect(false));
        RefusalBody first = refusals.current();
        assertThat(refusals.current()).isSameAs(first);

        // when: a reload swaps the record (a new retry-after)
        limit.update(OverloadSettings.ofDefaults().withRetryAfterSeconds(9));

        // then
        RefusalBody next = refusals.current();
        assertThat(next).isNotSameAs(first);
        assertThat(next.retryAfter()).isEqualTo(9);
        assertThat(new String(next.forRequest("req_x"), UTF_8)).contains("\"request_id\":\"req_x\"");
    }
}
