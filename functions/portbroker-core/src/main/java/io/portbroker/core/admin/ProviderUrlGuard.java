package io.portbroker.core.admin;

import java.net.URI;

/** Checks an admin-set provider base URL before it is stored (the SSRF validator plugs in here). */
@FunctionalInterface
public interface ProviderUrlGuard {

    /** Accepts every URL the config rules accept (http(s), no user info, no query). */
    ProviderUrlGuard CONFIG_RULES_ONLY = url -> {};

    /**
     * @throws io.portbroker.error.InvalidRequestError when the URL must not be used
     */
    void check(URI baseUrl);
}
