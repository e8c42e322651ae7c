package io.portbroker.core.routing;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where a {@code bedrock-converse} provider's calls go: the AWS region and, optionally, the model. No key: the
 * calls are signed with SigV4 from the default credentials chain (the function's role in AWS). The endpoint is the
 * provider's base URL: the region's public one unless an override was configured.
 *
 * @param region the AWS region, e.g. {@code us-east-1}
 * @param modelId the Bedrock model id or ARN (foundation model or inference profile) every call of this provider
 *     uses, or null to use each route target's {@code model}
 */
public record BedrockModel(String region, String modelId) {
    /** The dialect name of providers that carry one. */
    public static final String DIALECT = "bedrock-converse";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/+-]{0,2047}");

    /** True for a region name of AWS's shape ({@code us-east-1}, {@code us-gov-west-1}). */
    public static boolean validRegion(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /** True for a model id, inference-profile id or ARN of Bedrock's shape (no spaces, at most 2048 characters). */
    public static boolean validModelId(String modelId) {
        return modelId != null && MODEL_ID.matcher(modelId).matches();
    }

    /** The region's public Bedrock runtime endpoint. */
    public URI defaultEndpoint() {
        return URI.create("https://bedrock-runtime." + region + ".amazonaws.com");
    }

    /** The model a call to {@code upstreamModel} (the route target's model) goes to. */
    public String modelFor(String upstreamModel) {
        return modelId != null ? modelId : upstreamModel;
    }
}
