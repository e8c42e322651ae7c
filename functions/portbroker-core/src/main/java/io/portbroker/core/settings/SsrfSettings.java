package io.portbroker.core.settings;

import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Operator exceptions to the SSRF rules for provider base URLs ({@code portbroker.security.ssrf.*}). Empty by
 * default: https only, public addresses only.
 *
 * @param allowedHosts hosts whose addresses are not checked
 * @param allowedCidrs non-public ranges that are nevertheless permitted
 * @param plainHttpHosts hosts that may be called over plain http
 */
public record SsrfSettings(
        @Doc("Hosts whose addresses are not checked (exact names, e.g. vllm.internal).")
        List<@Pattern(regexp = "[A-Za-z0-9.-]{1,253}") String> allowedHosts,

        @Doc("Non-public ranges that are nevertheless permitted (e.g. 10.20.0.0/16 for a VPC vLLM).")
        List<@Pattern(regexp = "[0-9A-Fa-f:.]+/\\d{1,3}") String> allowedCidrs,

        @Doc("Hosts that may be called over plain http; every other host needs https.")
        List<@Pattern(regexp = "[A-Za-z0-9.\\[\\]:-]{1,253}") String> plainHttpHosts) {

    public SsrfSettings {
        allowedHosts = List.copyOf(allowedHosts);
        allowedCidrs = List.copyOf(allowedCidrs);
        plainHttpHosts = List.copyOf(plainHttpHosts);
    }

    public static SsrfSettings ofDefaults() {
        return new SsrfSettings(List.of(), List.of(), List.of());
    }
}
