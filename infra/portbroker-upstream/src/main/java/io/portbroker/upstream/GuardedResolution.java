package io.portbroker.upstream;

import io.portbroker.core.ssrf.UrlPolicy;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@link GuardedInetAddressResolverProvider} enforces: the SSRF address rules, applied to every JVM lookup of
 * a provider host. The JDK resolver SPI is process-wide and instantiated by the JDK, so the rules and the guarded
 * names are handed over here by the upstream transport. Only names registered as provider hosts are checked: AWS
 * endpoints (which may resolve to private VPC-endpoint addresses) and other lookups pass untouched. Thread-safe.
 */
public final class GuardedResolution {
    private static final Set<String> HOSTS = ConcurrentHashMap.newKeySet();
    private static volatile UrlPolicy policy;

    private GuardedResolution() {}

    /** Installs the rules (the last transport built wins; there is one per process). */
    public static void install(UrlPolicy rules) {
        policy = rules;
    }

    /** Marks {@code host} as a provider host, whose every lookup from now on is checked. */
    public static void guard(String host) {
        if (host != null) {
            HOSTS.add(host.toLowerCase(Locale.ROOT));
        }
    }

    /** The rules for {@code host}, or null when its lookups are not guarded. */
    static UrlPolicy rulesFor(String host) {
        UrlPolicy rules = policy;
        return rules != null && host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT)) ? rules : null;
    }
}
