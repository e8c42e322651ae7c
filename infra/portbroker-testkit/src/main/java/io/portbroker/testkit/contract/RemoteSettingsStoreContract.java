package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.settings.RemoteSettingsStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link RemoteSettingsStore} must do; {@link #newStore()} returns a new, empty one. */
public abstract class RemoteSettingsStoreContract {

    protected abstract RemoteSettingsStore newStore();

    @Test
    void read_shouldBeEmpty_whenNothingWasPut() {
        assertThat(newStore().read()).isEmpty();
    }

    @Test
    void put_shouldBeReadBackByKeyPath_whenNested() {
        // given
        RemoteSettingsStore store = newStore();

        // when
        store.put("runtime.cors.allowed-origins", "https://a.example,https://b.example");
        store.put("runtime.breaker.failure-rate", "0.25");

        // then
        assertThat(store.read())
                .isEqualTo(Map.of(
                        "runtime.cors.allowed-origins", "https://a.example,https://b.example",
                        "runtime.breaker.failure-rate", "0.25"));
    }

    @Test
    void put_shouldReplace_whenTheKeyExists() {
        // given
        RemoteSettingsStore store = newStore();
        store.put("experimental.validate-streams", "false");

        // when
        store.put("experimental.validate-streams", "true");

        // then
        assertThat(store.read()).isEqualTo(Map.of("experimental.validate-streams", "true"));
    }

    @Test
    void remove_shouldDropTheKeyAndIgnoreAnAbsentOne_whenCalled() {
        // given
        RemoteSettingsStore store = newStore();
        store.put("runtime.ping-interval", "5s");

        // when
        store.remove("runtime.ping-interval");
        store.remove("runtime.never-set");

        // then
        assertThat(store.read()).isEmpty();
    }
}
