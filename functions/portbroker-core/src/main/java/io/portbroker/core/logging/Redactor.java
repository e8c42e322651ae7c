package io.portbroker.core.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged: PortBroker client keys, bearer tokens, provider-style keys
 * ({@code sk-...}), AWS access key ids, header or JSON fields named like credentials, and every secret value the
 * process has registered (provider credentials once resolved, server secrets once loaded). Log layouts call
 * {@link #redact} on every message and stack trace; nothing else needs to remember to.
 */
public final class Redactor {
    private static final String MASK = "[REDACTED]";
    private static final Pattern PATTERNS = Pattern.compile(String.join(
            "|",
            "pb_live_[A-Za-z0-9]{4,}",
            "(?i)bearer\\s+[A-Za-z0-9._~+/=-]{6,}",
            "sk-[A-Za-z0-9_-]{8,}",
            "AKIA[0-9A-Z]{16}",
            "(?i)(?<=(x-api-key|authorization|api[_-]?key|secret|password|token)[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?)"
                    + "[^\\s\"',}]{4,}"));
    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

    private Redactor() {}

    /** Registers a secret value so that it never appears in logs verbatim (values shorter than 8 are ignored). */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 8) {
            KNOWN.add(secret);
        }
    }

    /** The text with every recognised secret replaced by {@code [REDACTED]}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : KNOWN) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return PATTERNS.matcher(out).replaceAll(MASK);
    }
}
