package io.portbroker.bench.cache;

import io.portbroker.core.cache.CacheMetricNames;
import io.portbroker.core.cache.ResponseCache;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.local.LocalStack;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replays N deterministic requests (default 2,000, 40 % of them repeats of earlier prompts, in a fixed shuffled
 * order) through two local-stack servers on the same tables — two containers: each has its own L1, both share L2
 * (DynamoDB) and L3 (S3) in the emulator. Requests alternate between the servers, so a repeat may hit L1 (same
 * container) or L2 (the other one); 2 % of prompts get a 400 KB answer, which is stored in L3. The fake provider
 * answers after a fixed delay (its own time). Prints the hit ratio, p50/p99 latency per outcome, upstream calls
 * avoided and cost saved. Then {@link LatencyPhase} measures the latency columns sequentially against the gateway's
 * floor. Usage: {@code CacheBenchmark [requests] [concurrency] [repeatShare] [latencyRounds]} (0 requests skips
 * the replay, 0 rounds the latency phase).
 */
public final class CacheBenchmark {
    private static final Duration PROVIDER_DELAY = Duration.ofMillis(150);

    private CacheBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double repeatShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.4;
        int latencyRounds = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        PrintStream out = System.out;
        List<String> prompts = workload(requests, repeatShare, new SplittableRandom(42));
        AtomicInteger upstreamCalls = new AtomicInteger();
        try (FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start(body -> {
            String prompt = body.toString();
            if (!prompt.contains(LatencyPhase.INSTANT)) {
                upstreamCalls.incrementAndGet();
                sleep(PROVIDER_DELAY);
            }
            String text = prompt.contains("large") ? "y".repeat(400_000) : "answer to " + prompt.hashCode();
            return Replies.completion(text, List.of(), "stop");
        })) {
            Path yaml = Files.createTempFile("portbroker-cache-bench", ".yaml");
            Files.writeString(yaml, """
                    providers:
                      - id: fake
                        base_url: %s
                        pricing: {input_per_million: 3.0, output_per_million: 15.0}
                    routes:
                      - model: claude-bench
                        targets:
                          - provider: fake
                            model: fake-model
                    """.formatted(upstream.baseUrl()));
            String prefix = "pbcachebench-" + UUID.randomUUID().toString().substring(0, 8);
            String key = "pb_live_bench";
            try (LocalStack a = LocalStack.start(settings(yaml, prefix, null), silent());
                    LocalStack b = LocalStack.start(
                            settings(yaml, prefix, a.printedKey().orElseThrow()), silent())) {
                key = a.printedKey().orElseThrow();
                if (requests > 0) {
                    Map<String, List<Long>> micros = run(List.of(a, b), key, prompts, concurrency);
                    report(out, requests, repeatShare, prompts, micros, upstreamCalls.get(), List.of(a, b));
                }
                if (latencyRounds > 0) {
                    new LatencyPhase(a, b, key, prefix).run(latencyRounds, out);
                }
            } finally {
                Files.deleteIfExists(yaml);
            }
        }
    }

    private static LocalStack.Settings settings(Path yaml, String prefix, String key) {
        return LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), yaml)
                .port(0)
                .tablePrefix(prefix)
                .bootstrapKey(key)
                .build();
    }

    private static PrintStream silent() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    /** Prompts in replay order: {@code repeatShare} of them repeat a prompt that occurs elsewhere in the list. */
    static List<String> workload(int requests, double repeatShare, SplittableRandom random) {
        int unique = (int) Math.round(requests * (1 - repeatShare));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < unique; i++) {
            order.add((random.nextInt(50) == 0 ? "large " : "") + "question " + i);
        }
        for (int i = unique; i < requests; i++) {
            order.add(order.get(random.nextInt(unique)));
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        return order;
    }

    private static Map<String, List<Long>> run(
            List<LocalStack> stacks, String key, List<String> prompts, int concurrency) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, List<Long>> byOutcome = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < prompts.size()) {
                        LocalStack stack = stacks.get(n % stacks.size());
                        String body = "{\"model\":\"claude-bench\",\"max_tokens\":64,\"temperature\":0,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"" + prompts.get(n) + "\"}]}";
                        long start = System.nanoTime();
                        HttpResponse<String> r = client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + "/v1/messages"))
                                        .header("content-type", "application/json")
                                        .header("x-api-key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - start) / 1000;
                        String outcome = r.statusCode() == 200
                                ? r.headers().firstValue("x-portbroker-cache").orElse("none")
                                : "error-" + r.statusCode();
                        byOutcome
                                .computeIfAbsent(outcome, o -> Collections.synchronizedList(new ArrayList<>()))
                                .add(micros);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        return byOutcome;
    }

    private static void report(
            PrintStream out,
            int requests,
            double repeatShare,
            List<String> prompts,
            Map<String, List<Long>> micros,
            int upstreamCalls,
            List<LocalStack> stacks) {
        long repeats = prompts.size() - prompts.stream().distinct().count();
        long hits = micros.entrySet().stream()
                .filter(e -> e.getKey().startsWith("hit-"))
                .mapToLong(e -> e.getValue().size())
                .sum();
        double costSaved = 0;
        for (LocalStack s : stacks) {
            costSaved += s.context().getBean(InMemoryMetrics.class).gaugeValue(CacheMetricNames.COST_SAVED, Map.of());
            s.context().getBean(ResponseCache.class).flush(Duration.ofSeconds(30));
        }
        out.printf(
                "requests: %d (repeats %d = %.1f %%), provider delay %d ms, 2 containers sharing L2/L3%n",
                requests, repeats, 100.0 * repeats / requests, PROVIDER_DELAY.toMillis());
        out.printf("hit ratio: %.4f (%d hits)%n", (double) hits / requests, hits);
        out.printf("upstream calls: %d, avoided: %d%n", upstreamCalls, requests - upstreamCalls);
        out.printf("cost saved: $%.6f (list price $3 / $15 per million tokens)%n", costSaved);
        out.printf("%-8s %6s %10s %10s%n", "outcome", "count", "p50 ms", "p99 ms");
        for (Map.Entry<String, List<Long>> e : new TreeMap<>(micros).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue());
            Collections.sort(sorted);
            out.printf(
                    "%-8s %6d %10.2f %10.2f%n",
                    e.getKey(), sorted.size(), pct(sorted, 0.5) / 1000.0, pct(sorted, 0.99) / 1000.0);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
