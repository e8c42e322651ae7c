package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class KeyRecordsTest {
    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private final ApiKeyRecord active = new ApiKeyRecord(
            "h", "key_1", "pb_live_abcd", "ci", Scopes.CHAT, KeyStatus.ACTIVE, NOW, null, KeyLimits.NONE, null);

    @Test
    void usableAt_shouldFollowStatusExpiryAndRetirement_whenChecked() {
        assertThat(active.usableAt(NOW)).isTrue();
        assertThat(active.withStatus(KeyStatus.REVOKED).usableAt(NOW)).isFalse();
        ApiKeyRecord expiring = new ApiKeyRecord(
                "h", "key_1", "p", "ci", Scopes.CHAT, KeyStatus.ACTIVE, NOW, NOW.plusSeconds(60), KeyLimits.NONE, null);
        assertThat(expiring.usableAt(NOW.plusSeconds(59))).isTrue();
        assertThat(expiring.usableAt(NOW.plusSeconds(60))).isFalse();
        ApiKeyRecord retiring = active.withRetiredAt(NOW.plusSeconds(10));
        assertThat(retiring.current()).isFalse();
        assertThat(retiring.usableAt(NOW.plusSeconds(9))).isTrue();
        assertThat(retiring.usableAt(NOW.plusSeconds(10))).isFalse();
    }

    @Test
    void withLimits_shouldChangeOnlyTheLimits_whenCalled() {
        ApiKeyRecord limited = active.withLimits(new KeyLimits(1L, 2L));

        assertThat(limited.limits()).isEqualTo(new KeyLimits(1L, 2L));
        assertThat(limited.withLimits(null).limits()).isEqualTo(KeyLimits.NONE);
        assertThat(limited.keyHash()).isEqualTo(active.keyHash());
        assertThat(limited.scopes()).isEqualTo(active.scopes());
    }

    @Test
    @Tag("error-path")
    void keyLimits_shouldRefuseNonPositiveValues_andKnowWhenUnlimited() {
        assertThat(KeyLimits.NONE.unlimited()).isTrue();
        assertThat(new KeyLimits(1L, null).unlimited()).isFalse();
        assertThat(new KeyLimits(null, 1L).unlimited()).isFalse();
        assertThatThrownBy(() -> new KeyLimits(0L, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyLimits(null, -5L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void principal_shouldDefaultToNoLimits_whenBuiltWithoutThem() {
        Principal p = new Principal("key_1", "ci", Set.of(Scopes.CHAT_READ));

        assertThat(p.limits()).isEqualTo(KeyLimits.NONE);
        assertThat(new Principal("key_1", "ci", Set.of(), null).limits()).isEqualTo(KeyLimits.NONE);
    }
}
