package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class KeyHasherTest {

    @Test
    void hash_shouldBeStableLowerHexHmac_whenTheSamePepperHashesTheSameKey() {
        // given
        byte[] pepper = new byte[32];
        Arrays.fill(pepper, (byte) 7);

        // when
        String first = new KeyHasher(pepper).hash("pb_live_x");
        String second = new KeyHasher(pepper.clone()).hash("pb_live_x");

        // then
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second);
        assertThat(new KeyHasher(pepper).hash("pb_live_y")).isNotEqualTo(first);
    }

    @Test
    void hash_shouldDiffer_whenThePepperDiffers() {
        // a copy of the table alone is useless without the server's pepper
        byte[] other = new byte[32];
        other[31] = 1;

        assertThat(new KeyHasher(new byte[32]).hash("pb_live_x")).isNotEqualTo(new KeyHasher(other).hash("pb_live_x"));
    }

    @Test
    void hash_shouldIgnoreLaterChangesToThePepperArray_whenTheCallerReusesIt() {
        byte[] pepper = new byte[32];
        KeyHasher hasher = new KeyHasher(pepper);
        String before = hasher.hash("k");

        pepper[0] = 1;

        assertThat(hasher.hash("k")).isEqualTo(before);
    }

    @Test
    @Tag("error-path")
    void constructor_shouldRefuse_whenThePepperIsShorterThan32BytesOrMissing() {
        assertThatThrownBy(() -> new KeyHasher(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyHasher(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
