package io.portbroker.core.ssrf;

import io.portbroker.core.admin.ProviderUrlGuard;
import java.net.URI;

/**
 * The save-time half of the SSRF guard for provider base URLs, used by the admin API and by YAML seeding: the URL
 * must pass {@link UrlPolicy#checkOnSave} (https unless allow-listed, no credentials, every resolved address
 * public or allow-listed).
 */
public final class UrlPolicyGuard implements ProviderUrlGuard {

    private final UrlPolicy policy;

    public UrlPolicyGuard(UrlPolicy policy) {
        this.policy = policy;
    }

    /**
     * @throws io.portbroker.error.InvalidRequestError naming the rule the URL breaks (never echoing it)
     */
    @Override
    public void check(URI baseUrl) {
        policy.checkOnSave(baseUrl.toString());
    }
}
