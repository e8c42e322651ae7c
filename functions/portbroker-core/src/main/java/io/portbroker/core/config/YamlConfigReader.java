package io.portbroker.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the YAML into {@link RawConfig} and turns Jackson's failures into problems that name the key and line.
 * Jackson's own messages are not passed on: they may quote the offending value, which could be a key.
 */
final class YamlConfigReader {

    /** Key names that can only mean an inline credential; matched after dropping case, '-' and '_'. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "key|token|accesstoken|authtoken|.*(apikey|secret|password|authorization|bearer|credential).*");

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlConfigReader() {}

    /**
     * Parses the text.
     *
     * @throws ConfigFileException when it is empty, not YAML, or does not have the expected shape
     */
    static RawConfig read(String yaml) {
        YamlLines lines;
        try {
            lines = YamlLines.index(MAPPER, yaml);
        } catch (JsonProcessingException e) {
            // the parser's message is the only sign of a duplicate key; it names the key, never the value
            String original = e.getOriginalMessage();
            boolean duplicate = original != null && original.startsWith("Duplicate field");
            throw fail((duplicate ? "duplicate key" : "not valid YAML") + line(e.getLocation()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RawConfig raw = MAPPER.readValue(yaml, RawConfig.class);
            if (raw == null) {
                throw fail("the file is empty");
            }
            return raw;
        } catch (UnrecognizedPropertyException e) {
            String key = e.getPropertyName();
            String where = parentOf(e) + lines.describe(pointer(e));
            if (SECRET_KEY
                    .matcher(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""))
                    .matches()) {
                throw fail("inline secret '" + key + "'" + where
                        + " is not allowed; put the key in an environment variable and name it in api_key_env");
            }
            throw fail("unknown key '" + key + "'" + where);
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw fail("the file is empty or not a mapping of providers and routes");
            }
            throw fail("invalid value for '" + dotted(e.getPath()) + "'" + lines.describe(pointer(e)) + ": expected "
                    + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // other binding failures (e.g. a number too large); the text already parsed, so it is about a value
            throw fail("invalid value"
                    + (e instanceof JsonMappingException m ? " for '" + dotted(m.getPath()) + "'" : ""));
        }
    }

    private static ConfigFileException fail(String problem) {
        return new ConfigFileException(List.of(problem));
    }

    private static String parentOf(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        String parent = dotted(refs.subList(0, refs.size() - 1));
        return parent.isEmpty() ? " at the top level" : " under " + parent;
    }

    private static String dotted(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() == null) {
                out.append('[').append(ref.getIndex()).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            out.append('/').append(ref.getFieldName() == null ? String.valueOf(ref.getIndex()) : ref.getFieldName());
        }
        return out.toString();
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == Integer.class) {
            return "a whole number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        return type == String.class ? "text" : "a mapping";
    }
}
