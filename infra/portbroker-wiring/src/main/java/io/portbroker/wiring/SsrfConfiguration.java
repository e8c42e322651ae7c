package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator exceptions to the SSRF rules for provider base URLs, under {@code portbroker.ssrf.*}
 * ({@code PORTBROKER_SSRF_ALLOWED_HOSTS} etc., comma-separated). Empty by default: https only, public addresses
 * only. The local stack allows loopback so it can reach local fakes and Ollama.
 */
@ConfigurationProperties("portbroker.ssrf")
public class SsrfConfiguration {
    private List<String> allowedHosts = new ArrayList<>();
    private List<String> allowedCidrs = new ArrayList<>();
    private List<String> plainHttpHosts = new ArrayList<>();

    /** Hosts whose addresses are not checked (exact names, e.g. {@code vllm.internal}). */
    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /** Non-public ranges that are nevertheless permitted (e.g. {@code 10.20.0.0/16} for a VPC vLLM). */
    public List<String> getAllowedCidrs() {
        return allowedCidrs;
    }

    public void setAllowedCidrs(List<String> allowedCidrs) {
        this.allowedCidrs = allowedCidrs;
    }

    /** Hosts that may be called over plain {@code http}; every other host needs https. */
    public List<String> getPlainHttpHosts() {
        return plainHttpHosts;
    }

    public void setPlainHttpHosts(List<String> plainHttpHosts) {
        this.plainHttpHosts = plainHttpHosts;
    }
}
