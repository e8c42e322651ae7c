package io.portbroker.protocol.openai;

/**
 * One OpenAI tool call being assembled from stream fragments. Keeps everything the upstream sent ({@code seen}),
 * the part not yet emitted ({@code pending}, for a call whose block is not open), and a tiny JSON scanner that
 * tells when the arguments form a complete value, which is when another call may safely take over the single
 * open block.
 */
final class StreamToolCall {

    /** How the upstream sends argument text; decided on the second non-empty fragment. */
    private enum Mode {
        UNKNOWN,
        INCREMENTAL,
        CUMULATIVE
    }

    String id;
    String name;
    /** Anthropic block index once started, else -1. */
    int blockIndex = -1;

    boolean stopped;

    private final StringBuilder seen = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private Mode mode = Mode.UNKNOWN;
    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean complete;

    boolean started() {
        return blockIndex >= 0;
    }

    boolean complete() {
        return complete;
    }

    /**
     * Accepts one {@code arguments} fragment and returns the text that is new, or an empty string. Providers
     * that repeat all previous text in each fragment (cumulative snapshots) are detected by the second fragment
     * starting with everything seen so far; from then on only the new suffix counts. A snapshot that does not
     * extend the previous one is kept whole, because arguments are never dropped.
     */
    String accept(String fragment) {
        if (fragment.isEmpty()) {
            return "";
        }
        String fresh = fragment;
        if (!seen.isEmpty() && mode != Mode.INCREMENTAL) {
            boolean extendsSeen = extendsSeen(fragment);
            if (mode == Mode.UNKNOWN) {
                mode = extendsSeen ? Mode.CUMULATIVE : Mode.INCREMENTAL;
            }
            if (mode == Mode.CUMULATIVE && extendsSeen) {
                fresh = fragment.substring(seen.length());
            }
        }
        seen.append(fresh);
        scan(fresh);
        return fresh;
    }

    /** Whether {@code fragment} starts with everything seen so far; compared in place, as snapshots grow long. */
    private boolean extendsSeen(String fragment) {
        int length = seen.length();
        if (fragment.length() < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (fragment.charAt(i) != seen.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Holds text for a call whose block is not open yet. */
    void hold(String text) {
        pending.append(text);
    }

    /** Returns and clears the held text. */
    String drainPending() {
        String text = pending.toString();
        pending.setLength(0);
        return text;
    }

    private void scan(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
                complete = false;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
                complete = depth == 0;
            }
        }
    }
}
