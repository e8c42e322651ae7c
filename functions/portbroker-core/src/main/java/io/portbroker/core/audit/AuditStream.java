package io.portbroker.core.audit;

import java.util.Locale;

/** The independent chains of the audit trail; each has its own sequence so writers of one never wait on another. */
public enum AuditStream {
    /** Providers, routes, keys and other configuration changes. */
    ADMIN,
    /** Logins, failed logins, token refresh and reuse. */
    AUTH,
    /** Unusual key use spotted by the anomaly detector. */
    ANOMALY;

    /** Lower-case name as stored and shown. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stream with the given id.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static AuditStream of(String id) {
        for (AuditStream s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown audit stream");
    }
}
