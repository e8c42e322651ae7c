package io.portbroker.core.ssrf;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Operator exceptions to the SSRF rules.
 *
 * @param plainHttpHosts hosts that may be reached over {@code http} (e.g. a local Ollama); all others need https
 * @param allowedHosts hosts whose addresses are not checked (e.g. {@code vllm.internal}); exact, case-insensitive
 * @param allowedRanges address ranges that are permitted even though not public (e.g. a VPC subnet)
 */
public record UrlPolicyConfig(Set<String> plainHttpHosts, Set<String> allowedHosts, List<Cidr> allowedRanges) {

    public UrlPolicyConfig {
        plainHttpHosts = lower(plainHttpHosts);
        allowedHosts = lower(allowedHosts);
        allowedRanges = List.copyOf(allowedRanges);
    }

    /** No exceptions: https only, public addresses only. */
    public static UrlPolicyConfig strict() {
        return new UrlPolicyConfig(Set.of(), Set.of(), List.of());
    }

    private static Set<String> lower(Set<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
