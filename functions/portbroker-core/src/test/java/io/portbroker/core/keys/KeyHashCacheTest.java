package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeyHashCacheTest {
    private final KeyHasher hasher = new KeyHasher(new byte[32]);

    @Test
    void hash_shouldEqualTheHashersHash_whenTheKeyIsAlreadyRemembered() {
        // given
        KeyHashCache cache = new KeyHashCache(hasher, 10);
        String key = ApiKeyFormat.generate(new SecureRandom());
        String first = cache.hash(key);

        // when
        String again = cache.hash(new String(key.toCharArray())); // an equal key in a new string, as a request has

        // then
        assertThat(again).isEqualTo(first).isEqualTo(hasher.hash(key));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void hash_shouldNeverHoldMoreThanMaxEntries_whenManyDistinctKeysArrive() {
        // given: forged well-formed keys are cheap, so the cache must stay bounded
        KeyHashCache cache = new KeyHashCache(hasher, 8);
        SecureRandom random = new SecureRandom();
        List<Integer> sizes = new ArrayList<>();

        // when
        for (int i = 0; i < 100; i++) {
            String key = ApiKeyFormat.generate(random);
            assertThat(cache.hash(key)).isEqualTo(hasher.hash(key));
            sizes.add(cache.size());
        }

        // then
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
    }

    @Test
    void hash_shouldAgreeWithAFreshHasher_whenManyThreadsHashAtOnce() {
        // the hasher clones one initialised Mac per call: no state may leak between concurrent hashes
        KeyHashCache cache = new KeyHashCache(hasher, 1_000);
        KeyHasher reference = new KeyHasher(new byte[32]);
        SecureRandom random = new SecureRandom();
        List<String> keys = IntStream.range(0, 200)
                .mapToObj(i -> ApiKeyFormat.generate(random))
                .toList();
        ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();

        keys.parallelStream().forEach(k -> seen.put(k, cache.hash(k)));
        keys.parallelStream().forEach(k -> seen.put(k + "#direct", hasher.hash(k)));

        keys.forEach(k -> {
            assertThat(seen.get(k)).isEqualTo(reference.hash(k));
            assertThat(seen.get(k + "#direct")).isEqualTo(reference.hash(k));
        });
    }
}
