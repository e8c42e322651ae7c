package io.portbroker.bedrock;

import io.portbroker.error.GatewayException;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.ProviderAuthError;
import io.portbroker.error.ProviderServerError;
import io.portbroker.error.RateLimitError;
import io.portbroker.error.UpstreamValidationError;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/**
 * Maps Bedrock runtime exceptions to gateway errors: throttling is a rate limit, an unavailable or not-ready
 * model is an overload, a validation failure is a 400 quoting Bedrock's reason, access denied is the gateway's
 * own credential failure (502, never quoting the role), anything else a provider error.
 */
public final class BedrockErrors {
    private static final long DEFAULT_RETRY_SECONDS = 1;

    private BedrockErrors() {}

    /** The gateway error for a failure of a Converse call. */
    public static GatewayException map(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof software.amazon.awssdk.awscore.exception.AwsServiceException)) {
            t = t.getCause();
        }
        return switch (t) {
            case ThrottlingException e -> new RateLimitError("Bedrock throttled the request", DEFAULT_RETRY_SECONDS);
            case ServiceUnavailableException e -> new OverloadedError("Bedrock is unavailable", DEFAULT_RETRY_SECONDS);
            case ModelNotReadyException e -> new OverloadedError("Bedrock model is not ready", DEFAULT_RETRY_SECONDS);
            case ValidationException e -> new UpstreamValidationError("Bedrock rejected the request: " + reason(e));
            case AccessDeniedException e ->
                new ProviderAuthError("the gateway's AWS role may not call this Bedrock model");
            default -> new ProviderServerError("Bedrock call failed");
        };
    }

    private static String reason(ValidationException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage()
                : "validation failed";
    }
}
