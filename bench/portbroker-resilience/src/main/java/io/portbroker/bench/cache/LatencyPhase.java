package io.portbroker.bench.cache;

import io.portbroker.core.cache.ResponseCache;
import io.portbroker.local.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The latency columns, measured with ONE client so the serial emulator and a loaded machine distort less. Every
 * round sends, back to back on the same connection: the gateway's <b>floor</b> (the same kind of request with
 * {@code x-portbroker-cache: bypass} to the instant provider: auth, rate limit, routing, translation, usage
 * accounting, the provider round trip — everything but the cache), an L1 hit, an L2 hit (a prompt container A
 * stored, asked once on container B), an L3 hit (a large answer, asked once on B, every fifth round) and a miss
 * (a fresh prompt to the instant provider: the cache's own cost on a miss is miss − floor). Prompts carrying
 * {@code instant} are answered by the fake provider without delay.
 */
final class LatencyPhase {
    static final String INSTANT = "instant";
    private static final int L3_EVERY = 5;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalStack a;
    private final LocalStack b;
    private final String key;
    private final String table;
    private final Map<String, List<Long>> micros = new TreeMap<>();

    LatencyPhase(LocalStack a, LocalStack b, String key, String tablePrefix) {
        this.table = tablePrefix + "-response-cache";
        this.a = a;
        this.b = b;
        this.key = key;
    }

    /** Warms up, fills L1/L2/L3, then runs {@code rounds} interleaved rounds; prints the table. */
    void run(int rounds, PrintStream out) throws Exception {
        String run = Long.toHexString(System.nanoTime());
        for (int i = 0; i < 300; i++) { // JIT and connection warm-up, not recorded
            send(a, INSTANT + " warm " + (i % 3), i % 2 == 0 ? "bypass" : null);
        }
        send(a, INSTANT + " l1 " + run, null);
        for (int i = 0; i < rounds; i++) {
            send(a, INSTANT + " l2 " + run + " " + i, null);
            if (i % L3_EVERY == 0) {
                send(a, INSTANT + " large l3 " + run + " " + i, null);
            }
        }
        a.context().getBean(ResponseCache.class).flush(Duration.ofSeconds(60));
        for (int i = 0; i < rounds; i++) {
            record("bypass", send(a, INSTANT + " floor " + run, "bypass"));
            record("hit-l1", send(a, INSTANT + " l1 " + run, null));
            record("hit-l2", send(b, INSTANT + " l2 " + run + " " + i, null));
            if (i % L3_EVERY == 0) {
                record("hit-l3", send(b, INSTANT + " large l3 " + run + " " + i, null));
            }
            record("miss", send(a, INSTANT + " miss " + run + " " + i, null));
            record("emulator GetItem", rawGetItem(b, "no-such-key-" + i));
        }
        report(out, rounds);
    }

    /** The time of one request in microseconds, and the outcome the gateway reported. */
    private record Sample(long micros, String outcome) {}

    private void record(String expected, Sample s) {
        // a sample whose outcome differs (e.g. an L2 read that timed out and became a miss) goes to its own row
        String row = expected.equals(s.outcome()) ? expected : expected + "→" + s.outcome();
        micros.computeIfAbsent(row, r -> new ArrayList<>()).add(s.micros());
    }

    /**
     * One GetItem on the cache table through container B's own DynamoDB client, outside the gateway: the
     * emulator's share of an L2 hit (the row is named {@code emulator GetItem}).
     */
    private Sample rawGetItem(LocalStack stack, String hash) {
        DynamoDbClient dynamo = stack.context().getBean(DynamoDbClient.class);
        long start = System.nanoTime();
        dynamo.getItem(g -> g.tableName(table).key(Map.of("cache_key", AttributeValue.fromS(hash))));
        return new Sample((System.nanoTime() - start) / 1000, "emulator GetItem");
    }

    private Sample send(LocalStack stack, String prompt, String cacheHeader) throws IOException, InterruptedException {
        String body = "{\"model\":\"claude-bench\",\"max_tokens\":64,\"temperature\":0,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + "/v1/messages"))
                .header("content-type", "application/json")
                .header("x-api-key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (cacheHeader != null) {
            r.header("x-portbroker-cache", cacheHeader);
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = (System.nanoTime() - start) / 1000;
        String outcome = response.statusCode() == 200
                ? response.headers().firstValue("x-portbroker-cache").orElse("none")
                : "error-" + response.statusCode();
        return new Sample(took, outcome);
    }

    private void report(PrintStream out, int rounds) {
        double floor50 = pct(sorted("bypass"), 0.5);
        double floor99 = pct(sorted("bypass"), 0.99);
        out.printf(
                "%nsequential latency, one client, %d interleaved rounds (floor = the bypass row: an instant provider)%n",
                rounds);
        out.printf(
                "%-16s %6s %9s %9s %13s %13s%n", "column", "count", "p50 ms", "p99 ms", "p50-floor ms", "p99-floor ms");
        for (String row : micros.keySet()) {
            List<Long> s = sorted(row);
            out.printf(
                    "%-16s %6d %9.2f %9.2f %13.2f %13.2f%n",
                    row,
                    s.size(),
                    pct(s, 0.5) / 1000,
                    pct(s, 0.99) / 1000,
                    (pct(s, 0.5) - floor50) / 1000,
                    (pct(s, 0.99) - floor99) / 1000);
        }
        double l1 = pct(sorted("hit-l1"), 0.5) - floor50;
        double l1p99 = pct(sorted("hit-l1"), 0.99) - floor99;
        double l2 = pct(sorted("hit-l2"), 0.5);
        out.printf(
                "target L1 hit p50/p99 - floor < 1 ms: %.2f / %.2f ms -> %s%n",
                l1 / 1000, l1p99 / 1000, l1 < 1000 && l1p99 < 1000 ? "met" : "MISSED");
        out.printf("target L2 hit p50 < 15 ms: %.2f ms -> %s%n", l2 / 1000, l2 < 15_000 ? "met" : "MISSED");
    }

    private List<Long> sorted(String row) {
        List<Long> s = new ArrayList<>(micros.getOrDefault(row, List.of()));
        Collections.sort(s);
        return s;
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
