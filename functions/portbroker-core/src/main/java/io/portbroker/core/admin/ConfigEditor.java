package io.portbroker.core.admin;

/** Port: the deletions the admin API needs beyond {@link io.portbroker.core.routing.ConfigStore}'s puts. */
public interface ConfigEditor {

    /** Removes a provider; nothing happens when it does not exist. */
    void deleteProvider(String providerId);

    /** Removes a route by pattern; nothing happens when it does not exist. */
    void deleteRoute(String pattern);
}
