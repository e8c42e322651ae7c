package io.portbroker.core.testing;

import io.portbroker.core.admin.ProviderCredentialVault;
import java.util.Map;
import java.util.TreeMap;

/** Provider keys written through the admin API, kept in memory. */
public final class MemoryVault implements ProviderCredentialVault {
    public final Map<String, String> stored = new TreeMap<>();

    @Override
    public synchronized String store(String providerId, String apiKey) {
        stored.put(providerId, apiKey);
        return "secret:test/" + providerId;
    }

    @Override
    public synchronized void delete(String providerId) {
        stored.remove(providerId);
    }
}
