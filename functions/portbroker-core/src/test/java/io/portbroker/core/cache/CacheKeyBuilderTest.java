package io.portbroker.core.cache;

import static io.portbroker.core.cache.CacheFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.ir.NormalizedRequest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyBuilderTest {
    private static final CacheKeyBuilder KEYS = new CacheKeyBuilder(false);
    private static final CacheKeyBuilder.Scope SCOPE =
            new CacheKeyBuilder.Scope("key_a", "claude-*", "r1", Map.of("global", "0", "model", "0"));

    private static String key(String json) {
        return KEYS.build(request(json), SCOPE).hash();
    }

    @Test
    void build_shouldPinTheGoldenKey_whenTheRequestIsTheReferenceOne() {
        // given: the reference request; its canonical form and hash must never drift silently
        String json = "{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}";

        // when
        String canonical = KEYS.canonical(request(json), SCOPE);

        // then
        assertThat(canonical)
                .isEqualTo("{\"v\":1,\"tenant\":\"key_a\",\"ns\":{\"global\":\"0\",\"model\":\"0\"},\"model\":\"m\","
                        + "\"route\":\"claude-*\",\"route_version\":\"r1\",\"system\":[],\"messages\":[{\"role\":"
                        + "\"USER\",\"content\":[[\"text\",\"hi\"]]}],\"tools\":[],\"tool_choice\":null,"
                        + "\"temperature\":0,\"top_p\":null,\"top_k\":null,\"stop\":[],\"max_tokens\":10,"
                        + "\"thinking\":null,\"output_schema\":null}");
        assertThat(key(json)).isEqualTo(Hashing.sha256(canonical)).hasSize(64);
    }

    @Test
    void build_shouldGiveDifferentKeys_whenOnlyTheSeedDiffers() {
        // given: an OpenAI client's seed asks for a different (reproducible) sample; it must not share an entry
        NormalizedRequest base = request("{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        // when
        String none = KEYS.build(base, SCOPE).hash();
        String seven = KEYS.build(withSeed(base, 7L), SCOPE).hash();
        String eight = KEYS.build(withSeed(base, 8L), SCOPE).hash();

        // then
        assertThat(seven).isNotEqualTo(eight).isNotEqualTo(none);
        assertThat(KEYS.canonical(base, SCOPE)).doesNotContain("seed");
    }

    private static NormalizedRequest withSeed(NormalizedRequest r, Long seed) {
        return new NormalizedRequest(
                r.model(),
                r.system(),
                r.messages(),
                r.tools(),
                r.toolChoice(),
                r.maxTokens(),
                r.sampling().withSeed(seed),
                r.thinking(),
                r.userId(),
                r.outputSchema(),
                r.stream(),
                r.extensions());
    }

    @Test
    void build_shouldGiveTheSameKey_whenOnlyFieldOrderDiffers() {
        String a = "{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}],\"tools\":[{\"name\":\"b\",\"input_schema\":{\"type\":\"object\","
                + "\"properties\":{\"x\":{\"type\":\"string\"},\"y\":{\"type\":\"number\"}}}},{\"name\":\"a\","
                + "\"input_schema\":{\"type\":\"object\"}}]}";
        String b = "{\"tools\":[{\"input_schema\":{\"type\":\"object\"},\"name\":\"a\"},{\"input_schema\":"
                + "{\"properties\":{\"y\":{\"type\":\"number\"},\"x\":{\"type\":\"string\"}},\"type\":\"object\"},"
                + "\"name\":\"b\"}],\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"temperature\":0,"
                + "\"max_tokens\":10,\"model\":\"m\"}";

        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void build_shouldGiveTheSameKey_whenOnlyWhitespaceOrUnicodeFormDiffers() {
        String a =
                "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"caf\\u00e9  au\\n\\tlait \"}]}";
        String b =
                "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\" cafe\\u0301 au lait\"}]}";

        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void build_shouldGiveTheSameKey_whenOnlyNumberSpellingDiffers() {
        String a = "{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0.10,\"top_p\":1,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\","
                + "\"maximum\":1.0}}]}";
        String b = "{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0.1,\"top_p\":1.0,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"hi\"}],\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\","
                + "\"maximum\":1e0}}]}";

        assertThat(key(a)).isEqualTo(key(b));
    }

    @Test
    void build_shouldIgnoreTheStreamFlag_soStreamAndWholeAnswersShareAnEntry() {
        assertThat(KEYS.build(CacheFixtures.ask("hi", true), SCOPE))
                .isEqualTo(KEYS.build(CacheFixtures.ask("hi", false), SCOPE));
    }

    @Test
    void build_shouldGiveDifferentKeys_whenAnythingThatChangesTheAnswerDiffers() {
        String base = "{\"model\":\"m\",\"max_tokens\":10,\"temperature\":0,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}]}";
        String baseKey = key(base);

        assertThat(key(base.replace("\"hi\"", "\"hello\""))).isNotEqualTo(baseKey);
        assertThat(key(base.replace("10", "11"))).isNotEqualTo(baseKey);
        assertThat(key(base.replace("\"temperature\":0", "\"temperature\":0.07")))
                .isNotEqualTo(baseKey);
        assertThat(key(base.replace("\"model\":\"m\"", "\"model\":\"n\""))).isNotEqualTo(baseKey);
        assertThat(key(base.replace("\"temperature\":0", "\"temperature\":0,\"stop_sequences\":[\"x\"]")))
                .isNotEqualTo(baseKey);
        assertThat(key(base.replace("\"temperature\":0", "\"temperature\":0,\"top_k\":3")))
                .isNotEqualTo(baseKey);
        assertThat(key(base.replace("\"temperature\":0", "\"temperature\":0,\"system\":\"be brief\"")))
                .isNotEqualTo(baseKey);
        assertThat(key(base.replace(
                        "\"temperature\":0",
                        "\"temperature\":0,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}")))
                .isNotEqualTo(baseKey);
        assertThat(key(base.replace(
                        "\"temperature\":0",
                        "\"temperature\":0,\"tool_choice\":{\"type\":\"any\"},"
                                + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}]")))
                .isNotEqualTo(key(base.replace(
                        "\"temperature\":0",
                        "\"temperature\":0,\"tools\":[{\"name\":\"t\"," + "\"input_schema\":{\"type\":\"object\"}}]")));
    }

    @Test
    void build_shouldSeparateTenantsRoutesAndNamespaces_whenTheRequestIsTheSame() {
        var req = CacheFixtures.ask("hi", false);
        String a = KEYS.build(req, SCOPE).hash();

        assertThat(KEYS.build(req, new CacheKeyBuilder.Scope("key_b", "claude-*", "r1", SCOPE.namespaces()))
                        .hash())
                .isNotEqualTo(a);
        assertThat(KEYS.build(req, new CacheKeyBuilder.Scope("key_a", "claude-*", "r2", SCOPE.namespaces()))
                        .hash())
                .isNotEqualTo(a);
        assertThat(KEYS.build(req, new CacheKeyBuilder.Scope("key_a", "claude-*", "r1", Map.of("global", "1")))
                        .hash())
                .isNotEqualTo(a);
    }

    @Test
    void build_shouldKeyMediaByTheDigestOfItsBytes_whenTheBytesDiffer() {
        String img = "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                + "\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"%s\"}},"
                + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"doc\"}},"
                + "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://x.test/a.png\"}}]}]}";

        assertThat(key(img.formatted("aGVsbG8="))).isEqualTo(key(img.formatted("aGVsbG8=")));
        assertThat(key(img.formatted("aGVsbG8="))).isNotEqualTo(key(img.formatted("aGVsbG9v")));
    }

    @Test
    void build_shouldKeyToolTurns_whenTheConversationHasToolUseAndResults() {
        String turns = "{\"model\":\"m\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"s\"},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"xx\"},"
                + "{\"type\":\"tool_use\",\"id\":\"tu_1\",\"name\":\"t\",\"input\":{\"a\":1.0}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"tu_1\",\"content\":\"%s\"}]}],"
                + "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}},{\"type\":\"web_search_20250305\","
                + "\"name\":\"web_search\"}],\"tool_choice\":{\"type\":\"tool\",\"name\":\"t\",\"disable_parallel_tool_use\":true}}";

        assertThat(key(turns.formatted("42"))).isNotEqualTo(key(turns.formatted("43")));
        assertThat(key(turns.formatted("42")))
                .isEqualTo(key(turns.formatted("42").replace("1.0", "1")));
    }

    @Test
    void build_shouldShareKeysAcrossNumbers_onlyWhenPlaceholdersAreOn() {
        CacheKeyBuilder lossy = new CacheKeyBuilder(true);
        var a = CacheFixtures.ask("report for 2026-03-01, order 1234", false);
        var b = CacheFixtures.ask("report for 2026-04-02, order 99", false);

        assertThat(lossy.build(a, SCOPE)).isEqualTo(lossy.build(b, SCOPE));
        assertThat(KEYS.build(a, SCOPE)).isNotEqualTo(KEYS.build(b, SCOPE));
    }

    @Test
    void bucket_shouldRoundTemperaturesDownInStepsOfFiveHundredths() {
        assertThat(CacheKeyBuilder.bucket(0.04)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(CacheKeyBuilder.bucket(0.05)).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(CacheKeyBuilder.bucket(0.149)).isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(CacheKeyBuilder.bucket(null)).isNull();
    }

    @Test
    void bucketOfKey_shouldBeStableAndWithinAHundred() {
        CacheKey k = KEYS.build(CacheFixtures.ask("hi", false), SCOPE);
        assertThat(k.bucket()).isBetween(0, 99).isEqualTo(k.bucket());
    }
}
