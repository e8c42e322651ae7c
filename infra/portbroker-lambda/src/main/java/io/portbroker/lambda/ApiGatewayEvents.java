package io.portbroker.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.error.InvalidRequestError;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Maps an API Gateway REST proxy event (JSON) to an {@link ApiRequest}, and a buffered answer back. */
public final class ApiGatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    private static final Pattern TEXT = Pattern.compile("(?i)^(text/|application/(.+\\+)?json).*");

    private ApiGatewayEvents() {}

    /**
     * Parses the event.
     *
     * @throws InvalidRequestError when the payload is not a proxy event
     */
    public static ApiRequest toApiRequest(byte[] eventJson) {
        APIGatewayProxyRequestEvent event;
        try {
            event = JSON.readValue(eventJson, APIGatewayProxyRequestEvent.class);
        } catch (IOException e) {
            throw new InvalidRequestError("the invocation payload is not an API Gateway proxy event");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        } else if (event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
        }
        byte[] body = event.getBody() == null
                ? new byte[0]
                : Boolean.TRUE.equals(event.getIsBase64Encoded())
                        ? Base64.getDecoder().decode(event.getBody())
                        : event.getBody().getBytes(StandardCharsets.UTF_8);
        String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod();
        String path = event.getPath() == null ? "/" : event.getPath();
        return new ApiRequest(method, path, query(event), headers, body, sourceIp(event));
    }

    /** API Gateway's view of the caller's address (not a client-supplied header). */
    private static String sourceIp(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getIdentity() == null) {
            return "";
        }
        return context.getIdentity().getSourceIp();
    }

    /**
     * The proxy response API Gateway expects from a buffered integration: JSON and text bodies as they are,
     * anything else base64-encoded.
     */
    public static byte[] toProxyResponse(int status, Map<String, String> headers, byte[] body) {
        boolean text = TEXT.matcher(headers.getOrDefault("content-type", "")).matches();
        APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.copyOf(headers))
                .withIsBase64Encoded(!text)
                .withBody(
                        text
                                ? new String(body, StandardCharsets.UTF_8)
                                : Base64.getEncoder().encodeToString(body));
        try {
            return JSON.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a proxy response", e);
        }
    }

    private static String query(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> params = event.getMultiValueQueryStringParameters();
        if (params == null || params.isEmpty()) {
            return "";
        }
        return params.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
