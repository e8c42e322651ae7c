package io.portbroker.protocol.anthropic;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;

/** PortBroker's error categories as Anthropic's error {@code type} values and HTTP statuses, both ways. */
public final class AnthropicErrorTypes {
    private AnthropicErrorTypes() {}

    /** The Anthropic error type of a category. */
    public static String type(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST, CONFLICT -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case BILLING -> "billing_error";
            case PERMISSION -> "permission_error";
            case NOT_FOUND -> "not_found_error";
            case REQUEST_TOO_LARGE -> "request_too_large";
            case RATE_LIMITED -> "rate_limit_error";
            case OVERLOADED -> "overloaded_error";
            case INTERNAL, PROVIDER_AUTH, PROVIDER_CONNECTION, PROVIDER_SERVER, PROVIDER_TIMEOUT, CANCELLED ->
                "api_error";
        };
    }

    /** The Anthropic error type of a failure. */
    public static String type(GatewayException error) {
        return type(error.category());
    }

    /** The status Anthropic clients expect: 529 for overload, 400 for a cancelled request, else the neutral one. */
    public static int status(GatewayException error) {
        return switch (error.category()) {
            case OVERLOADED -> 529;
            case CANCELLED -> 400;
            default -> error.httpStatus();
        };
    }

    /**
     * The category of an Anthropic error {@code type} sent by an Anthropic-compatible upstream inside a stream;
     * unknown types are a provider-side failure.
     */
    public static ErrorCategory category(String type) {
        if (type == null) {
            return ErrorCategory.PROVIDER_SERVER;
        }
        return switch (type) {
            case "overloaded_error" -> ErrorCategory.OVERLOADED;
            case "rate_limit_error" -> ErrorCategory.RATE_LIMITED;
            case "invalid_request_error" -> ErrorCategory.INVALID_REQUEST;
            case "request_too_large" -> ErrorCategory.REQUEST_TOO_LARGE;
            case "billing_error" -> ErrorCategory.BILLING;
            case "authentication_error", "permission_error" -> ErrorCategory.PROVIDER_AUTH;
            default -> ErrorCategory.PROVIDER_SERVER;
        };
    }
}
