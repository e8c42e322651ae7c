package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.reload.LiveDataPlane;
import io.portbroker.lambda.Priming;
import io.portbroker.testkit.MotoEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway function's init priming (StreamingRuntime) against the real data plane over moto: every synthetic
 * request is answered, liveness with 200 and every API call with 401, so priming never serves, stores or forwards.
 */
class LambdaPrimingEndToEndTest {

    @Test
    void run_shouldAnswerEverySyntheticRequestWithoutServingOne_whenRunOnTheRealDataPlane() throws IOException {
        // given
        Path config = Files.createTempFile("portbroker-priming", ".yaml");
        Files.writeString(config, AdminHttp.MINIMAL_CONFIG);
        String prefix = "pbprime-" + UUID.randomUUID().toString().substring(0, 8);
        LocalStack.Settings settings = LocalStack.Settings.builder(
                        MotoEndpoint.resolve().toString(), config)
                .port(-1)
                .tablePrefix(prefix)
                .build();
        try (LocalStack stack = LocalStack.start(
                settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            LiveDataPlane plane = stack.context().getBean(LiveDataPlane.class);

            // when
            Priming.Outcome outcome = Priming.run(plane, Priming.gatewayEvents());

            // then: /health and HEAD / answer 200; the four calls with a malformed key and the one with an unknown key
            // 401
            assertThat(outcome.failure()).isEmpty();
            assertThat(outcome.statuses()).containsExactly(200, 200, 401, 401, 401, 401);
        }
    }
}
