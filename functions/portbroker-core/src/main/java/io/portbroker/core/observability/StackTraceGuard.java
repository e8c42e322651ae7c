package io.portbroker.core.observability;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Recognises a Java stack frame ({@code at com.example.Foo.bar(Foo.java:42)}) or an exception class name with a
 * cause chain in a response body. Error bodies must never contain one; the renderer replaces such a body and
 * counts it ({@code leaked_stacktrace_count}).
 */
final class StackTraceGuard {
    private static final Pattern FRAME =
            Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\([\\w$]*(\\.java:\\d+|Native Method|Unknown Source)\\)"
                    + "|\\b(java|javax|io\\.portbroker)\\.[\\w.$]*(Exception|Error)\\b"
                    + "|Caused by: ");

    private StackTraceGuard() {}

    static boolean leaks(byte[] body) {
        return body != null
                && body.length > 0
                && FRAME.matcher(new String(body, StandardCharsets.UTF_8)).find();
    }
}
