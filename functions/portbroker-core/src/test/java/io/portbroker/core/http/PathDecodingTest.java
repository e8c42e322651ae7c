package io.portbroker.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Path decoding as the Lambda front end reaches it: API Gateway hands the raw path to the core, so a malformed
 * percent-escape must become the caller's 400 (or a 404), never an exception the shell renders as 500.
 */
class PathDecodingTest {
    private final RouteTable<String> table = new RouteTable<>(List.of(
            new Endpoint<>("GET", "/v1/models/{id+}", null, "model", "model"),
            new Endpoint<>("GET", "/admin/v1/keys/{id}", null, "key", "key")));

    @Test
    void match_shouldThrowInvalidRequest_whenAParameterHoldsAMalformedEscape() {
        assertThatThrownBy(() -> table.match("GET", "/v1/models/%zz"))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessage("the path holds a malformed percent-escape");
        assertThatThrownBy(() -> table.match("GET", "/admin/v1/keys/%")).isInstanceOf(InvalidRequestError.class);
    }

    @Test
    void match_shouldDecodeEscapesAndKeepPlus_whenWellFormed() {
        assertThat(table.match("GET", "/v1/models/a%2Fb+c").orElseThrow().params())
                .containsEntry("id", "a/b+c");
    }

    @Test
    void match_shouldOnlyEverThrowClientErrors_forRandomPaths() {
        // a bounded, seeded fuzz over path bytes: every outcome is a match, no match, or a 4xx-typed error
        Random random = new Random(9);
        String alphabet = "%/aZ09+-._~ zG%%";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder path = new StringBuilder(i % 2 == 0 ? "/v1/models/" : "/admin/v1/keys/");
            for (int n = random.nextInt(12); n > 0; n--) {
                path.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                table.match("GET", path.toString());
            } catch (InvalidRequestError | NotFoundError expected) {
                assertThat(expected.httpStatus()).isBetween(400, 499);
            }
        }
    }
}
