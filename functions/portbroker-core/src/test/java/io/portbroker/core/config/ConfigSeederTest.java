package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.config.ConfigSeeder.SeedResult;
import io.portbroker.core.testing.InMemoryConfigStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ConfigSeederTest {

    private static final String YAML = """
            providers:
              - id: a
                base_url: https://a.example/v1
              - id: b
                base_url: https://b.example/v1
            routes:
              - model: "*"
                targets: [{provider: a, model: m}]
            """;

    @Test
    void seed_shouldWriteEveryEntry_whenStoreIsEmpty() {
        // given
        PortBrokerConfigFile file = PortBrokerConfigFile.parse(YAML);
        InMemoryConfigStore store = new InMemoryConfigStore();

        // when
        SeedResult result = ConfigSeeder.seed(file, store);

        // then
        assertThat(result).isEqualTo(new SeedResult(2, 1));
        assertThat(store.providers()).containsExactlyInAnyOrderElementsOf(file.providers());
        assertThat(store.routes()).containsExactlyInAnyOrderElementsOf(file.routes());
    }

    @Test
    void seed_shouldWriteNothing_whenRunTwiceWithTheSameFile() {
        // given
        PortBrokerConfigFile file = PortBrokerConfigFile.parse(YAML);
        InMemoryConfigStore store = new InMemoryConfigStore();
        ConfigSeeder.seed(file, store);
        int writes = store.writes.get();

        // when
        SeedResult again = ConfigSeeder.seed(file, store);

        // then
        assertThat(again).isEqualTo(new SeedResult(0, 0));
        assertThat(store.writes.get()).isEqualTo(writes);
        assertThat(store.providers()).hasSize(2);
    }

    @Test
    @Tag("error-path")
    void seed_shouldRefuseTheWholeFileAndNameTheProvider_whenTheGuardRefusesABaseUrl() {
        // given: a guard that refuses b's host
        PortBrokerConfigFile file = PortBrokerConfigFile.parse(YAML);
        InMemoryConfigStore store = new InMemoryConfigStore();

        // when
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ConfigSeeder.seed(file, store, url -> {
            if (url.getHost().equals("b.example")) {
                throw new io.portbroker.error.InvalidRequestError("base URL resolves to a non-public address");
            }
        }));

        // then
        assertThat(thrown)
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("providers.b.base_url: base URL resolves to a non-public address");
        assertThat(store.writes.get()).isZero();
    }

    @Test
    void seed_shouldReplaceOnlyChangedEntries_whenFileChanged() {
        // given
        InMemoryConfigStore store = new InMemoryConfigStore();
        ConfigSeeder.seed(PortBrokerConfigFile.parse(YAML), store);
        PortBrokerConfigFile changed =
                PortBrokerConfigFile.parse(YAML.replace("https://b.example", "https://c.example"));

        // when
        SeedResult result = ConfigSeeder.seed(changed, store);

        // then
        assertThat(result).isEqualTo(new SeedResult(1, 0));
        assertThat(store.providers()).containsExactlyInAnyOrderElementsOf(changed.providers());
    }
}
