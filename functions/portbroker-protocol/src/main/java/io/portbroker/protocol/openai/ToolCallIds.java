package io.portbroker.protocol.openai;

import java.util.regex.Pattern;

/**
 * Anthropic tool-use ids must match {@code ^[a-zA-Z0-9_-]+$}; some providers send none, others decorate theirs
 * (Gemini appends {@code __thought__<base64>}, which contains {@code =} and {@code /}). The normalised id goes
 * to the client and comes back in its next request, where it is sent upstream unchanged in both the assistant's
 * {@code tool_calls} and the {@code tool} messages, so the pair stays consistent.
 */
public final class ToolCallIds {
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_-]");

    private ToolCallIds() {}

    /**
     * A valid id for the {@code index}-th tool call of message {@code messageId}.
     *
     * @param upstreamId the provider's id, possibly null or empty
     * @param messageId the Anthropic message id, used to synthesize a stable id when the provider gave none
     * @param index the call's position in the answer
     */
    public static String normalize(String upstreamId, String messageId, int index) {
        if (upstreamId == null || upstreamId.isBlank()) {
            String base = INVALID.matcher(messageId.startsWith("msg_") ? messageId.substring(4) : messageId)
                    .replaceAll("_");
            return "toolu_" + base + "_" + index;
        }
        return INVALID.matcher(upstreamId).replaceAll("_");
    }
}
