package io.portbroker.core.admin;

import io.portbroker.core.audit.AuditFakes;
import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Minimal stores for core tests (the testkit's fakes depend on core, so core cannot use them). The full
 * contract behaviour is proved on the testkit fakes and the DynamoDB adapters.
 */
final class Fakes {
    private Fakes() {}

    static final class Keys implements ApiKeyStore {
        final TreeMap<String, ApiKeyRecord> byHash = new TreeMap<>();

        @Override
        public synchronized Optional<ApiKeyRecord> findByHash(String keyHash) {
            return Optional.ofNullable(byHash.get(keyHash));
        }

        @Override
        public synchronized void create(ApiKeyRecord record) {
            byHash.put(record.keyHash(), record);
        }

        @Override
        public synchronized List<ApiKeyRecord> findByKeyId(String keyId) {
            return byHash.values().stream().filter(r -> r.keyId().equals(keyId)).toList();
        }

        @Override
        public synchronized void update(ApiKeyRecord record) {
            if (byHash.replace(record.keyHash(), record) == null) {
                throw new NoSuchElementException();
            }
        }

        @Override
        public synchronized Page<ApiKeyRecord> list(PageRequest page) {
            var rest = page.cursor() == null ? byHash : byHash.tailMap(page.cursor(), false);
            List<ApiKeyRecord> items =
                    rest.values().stream().limit(page.limit()).toList();
            return new Page<>(
                    items, rest.size() > items.size() ? items.getLast().keyHash() : null);
        }
    }

    static final class Config implements ConfigStore, ConfigEditor {
        final TreeMap<String, ProviderConfig> providers = new TreeMap<>();
        final TreeMap<String, ModelRoute> routes = new TreeMap<>();

        @Override
        public List<ProviderConfig> providers() {
            return List.copyOf(providers.values());
        }

        @Override
        public List<ModelRoute> routes() {
            return List.copyOf(routes.values());
        }

        @Override
        public void putProvider(ProviderConfig provider) {
            providers.put(provider.id(), provider);
        }

        @Override
        public void putRoute(ModelRoute route) {
            routes.put(route.pattern(), route);
        }

        @Override
        public void deleteProvider(String providerId) {
            providers.remove(providerId);
        }

        @Override
        public void deleteRoute(String pattern) {
            routes.remove(pattern);
        }
    }

    static final class Usage implements UsageStore {
        final List<UsageDelta> added = new ArrayList<>();

        @Override
        public synchronized void add(Collection<UsageDelta> deltas) {
            added.addAll(deltas);
        }

        @Override
        public Page<UsageTotals> days(String keyId, LocalDate from, LocalDate to, PageRequest page) {
            return new Page<>(List.of(), null);
        }

        @Override
        public Map<String, UsageTotals> totals(Collection<String> keyIds) {
            return Map.of();
        }
    }

    static final class Audit extends AuditFakes.Store {}

    static final class Vault implements ProviderCredentialVault {
        final Map<String, String> stored = new TreeMap<>();

        @Override
        public String store(String providerId, String apiKey) {
            stored.put(providerId, apiKey);
            return "secret:test/" + providerId;
        }

        @Override
        public void delete(String providerId) {
            stored.remove(providerId);
        }
    }
}
