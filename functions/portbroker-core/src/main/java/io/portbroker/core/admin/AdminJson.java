package io.portbroker.core.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portbroker.error.InvalidRequestError;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Strict JSON for the admin API: unknown fields, duplicate fields, trailing content and floats for integers are
 * refused with a 400 that names the field but never echoes a value (it could be a credential).
 */
final class AdminJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private AdminJson() {}

    /**
     * Reads a body into a record type.
     *
     * @throws InvalidRequestError when the body is empty, not JSON, or has the wrong shape
     */
    static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new InvalidRequestError("a JSON body is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new InvalidRequestError("a JSON object is required");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestError("unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty()
                    ? "the body"
                    : "'" + e.getPath().getLast().getFieldName() + "'";
            throw new InvalidRequestError("invalid value for " + field);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestError("the body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a body that must be one JSON object.
     *
     * @throws InvalidRequestError otherwise
     */
    static JsonNode object(byte[] body) {
        JsonNode node = read(body, JsonNode.class);
        if (!node.isObject()) {
            throw new InvalidRequestError("a JSON object is required");
        }
        return node;
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode an admin response", e);
        }
    }
}
