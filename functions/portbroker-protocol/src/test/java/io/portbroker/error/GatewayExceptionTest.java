package io.portbroker.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.anthropic.AnthropicErrorTypes;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the neutral status / retry table and, through the Anthropic codec's mapping, the status / Anthropic type table
 * of translation.md §2f for every failure kind.
 */
class GatewayExceptionTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InvalidRequestError("m"), 400, "invalid_request_error", false),
                Arguments.of(new UpstreamValidationError("m"), 400, "invalid_request_error", false),
                Arguments.of(new AuthenticationError("m"), 401, "authentication_error", false),
                Arguments.of(new BillingError("m"), 402, "billing_error", false),
                Arguments.of(new PermissionError("m"), 403, "permission_error", false),
                Arguments.of(new NotFoundError("m"), 404, "not_found_error", false),
                Arguments.of(new ConflictError("m"), 409, "invalid_request_error", false),
                Arguments.of(new RequestTooLargeError("m"), 413, "request_too_large", false),
                Arguments.of(new RateLimitError("m", 30), 429, "rate_limit_error", true),
                Arguments.of(new InternalMappingError("m"), 500, "api_error", false),
                Arguments.of(new ProviderAuthError("m"), 502, "api_error", false),
                Arguments.of(new ProviderConnectionError("m"), 502, "api_error", true),
                Arguments.of(new ProviderServerError("m"), 502, "api_error", true),
                Arguments.of(new ProviderTimeoutError("m"), 504, "api_error", true),
                Arguments.of(new OverloadedError("m"), 503, "overloaded_error", true),
                Arguments.of(new CancelledError("m"), 499, "api_error", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void accessors_shouldFollowTheErrorTable_whenRaised(
            GatewayException failure, int status, String type, boolean retriable) {
        // when / then
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(AnthropicErrorTypes.type(failure)).isEqualTo(type);
        assertThat(AnthropicErrorTypes.status(failure)).isEqualTo(status == 503 ? 529 : status == 499 ? 400 : status);
        assertThat(failure.retriable()).isEqualTo(retriable);
        assertThat(failure.category().httpStatus()).isEqualTo(status);
        assertThat(failure.getMessage()).isEqualTo("m");
        assertThat(failure.retryAfterSeconds()).isEqualTo(failure instanceof RateLimitError ? 30 : -1);
    }
}
