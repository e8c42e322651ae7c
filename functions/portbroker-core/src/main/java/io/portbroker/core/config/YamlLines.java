package io.portbroker.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and list item, by JSON pointer ({@code /providers/0/base_url}). Jackson reports where
 * its reader had got to when binding fails, which for records is often the end of the enclosing mapping; this
 * index gives the line the user has to look at.
 */
final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /**
     * Reads every token once; syntax errors and duplicate keys surface here, before binding.
     *
     * @throws IOException when the text is not valid YAML
     */
    static YamlLines index(ObjectMapper mapper, String yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = mapper.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || parser.getParsingContext().inArray()) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return new YamlLines(lines);
    }

    /** {@code " (line N)"} for the pointer, or empty text when the pointer is not in the file. */
    String describe(String pointer) {
        Integer line = lines.get(pointer);
        return line == null || line < 1 ? "" : " (line " + line + ")";
    }
}
