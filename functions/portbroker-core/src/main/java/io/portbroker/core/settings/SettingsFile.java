package io.portbroker.core.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file layer: the {@code settings:} section of portbroker.yaml, nested like the keys
 * ({@code settings: {runtime: {cors: {allowed-origins: [...]}}}}) and flattened to key paths. Lists become
 * comma-separated text; unknown keys are reported by the binder with the rest.
 */
public final class SettingsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SettingsFile() {}

    /** The settings section of the file at {@code path}, or nothing when the file has none. */
    public static Map<String, String> read(Path path) {
        try {
            return parse(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The settings section of YAML text. */
    public static Map<String, String> parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new InvalidSettingsException(List.of(new SettingsProblem("portbroker.yaml", "not valid YAML")));
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root != null && root.has("settings")) {
            flatten(root.get("settings"), "", out);
        }
        return out;
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), prefix + e.getKey() + ".", out));
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.asText()));
            out.put(strip(prefix), String.join(",", items));
        } else {
            out.put(strip(prefix), node.isNull() ? "" : node.asText());
        }
    }

    private static String strip(String prefix) {
        return prefix.substring(0, prefix.length() - 1);
    }
}
