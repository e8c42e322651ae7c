package io.portbroker.protocol.openai;

import io.portbroker.protocol.ir.Tool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * OpenAI function names must match {@code ^[a-zA-Z0-9_-]{1,64}$}; Anthropic tool names (MCP tools especially) may
 * not. Invalid names are sanitised and suffixed with a short hash so they stay unique, and restored on the way
 * back. The mapping is a pure function of the name, so the request and response sides agree without state.
 */
public final class ToolNames {
    private static final Pattern VALID = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final Pattern INVALID_CHARS = Pattern.compile("[^a-zA-Z0-9_-]");

    private ToolNames() {}

    /** The name to send upstream for a client tool name. */
    public static String toUpstream(String name) {
        if (VALID.matcher(name).matches()) {
            return name;
        }
        String hash = shortHash(name);
        String base = INVALID_CHARS.matcher(name).replaceAll("_");
        int room = 64 - hash.length() - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return base + "_" + hash;
    }

    /** A reverse map upstream-name -> client-name for the tools of one request. */
    public static Map<String, String> reverseMap(List<Tool> tools) {
        Map<String, String> map = new HashMap<>();
        for (Tool tool : tools) {
            map.put(toUpstream(tool.name()), tool.name());
        }
        return map;
    }

    /** Restores a client tool name; unknown names pass through unchanged. */
    public static String restore(Map<String, String> reverseMap, String upstreamName) {
        return reverseMap.getOrDefault(upstreamName, upstreamName);
    }

    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
