package io.portbroker.bench.resilience;

import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.local.LocalStack;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends 2,000 non-streamed requests through the local stack's real server (moto for DynamoDB and secrets) to a
 * route over three fake providers: one hard down (connection refused), one failing 30 % with HTTP 500, one
 * healthy; both answer successes after the same fixed delay (the provider's own time). Prints the success ratio, upstream attempts per request, and the p50/p95 latency
 * the gateway adds (client latency minus the healthy provider's delay) once the down provider's breaker is
 * open. Usage: {@code ResilienceBenchmark [requests] [concurrency]}.
 */
public final class ResilienceBenchmark {

    private static final Duration HEALTHY_DELAY = Duration.ofMillis(20);
    private static final int WARM_UP = 200;

    private ResilienceBenchmark() {}

    public static void main(String[] args) throws Exception {
        // the fakes run in this JVM on the JDK HTTP server: without TCP_NODELAY, Nagle plus delayed ACKs add
        // tens of milliseconds to each small response and would be measured as gateway latency
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        PrintStream out = System.out;
        SplittableRandom random = new SplittableRandom(7);
        AtomicInteger flakyCalls = new AtomicInteger();
        try (FakeOpenAiUpstream flaky = FakeOpenAiUpstream.start(body -> {
                    flakyCalls.incrementAndGet();
                    boolean fail;
                    synchronized (random) {
                        fail = random.nextDouble() < 0.3;
                    }
                    if (fail) {
                        return Replies.serverError();
                    }
                    sleep(HEALTHY_DELAY);
                    return ok("flaky");
                });
                FakeOpenAiUpstream healthy = FakeOpenAiUpstream.start(body -> {
                    sleep(HEALTHY_DELAY);
                    return ok("healthy");
                })) {
            Path yaml = Files.createTempFile("portbroker-bench", ".yaml");
            Files.writeString(yaml, config(FakeOpenAiUpstream.closedPortBaseUrl(), flaky.baseUrl(), healthy.baseUrl()));
            String key = "pb_live_" + "bench";
            LocalStack.Settings settings = LocalStack.Settings.builder(
                            MotoEndpoint.resolve().toString(), yaml)
                    .port(0)
                    .tablePrefix("pbbench-" + UUID.randomUUID().toString().substring(0, 8))
                    .extraProperties(Map.of("portbroker.runtime.breaker.minimum-calls", 10))
                    .build();
            out.printf(
                    "direct call to the healthy fake (no gateway): p50 %.2f ms%n", direct(healthy.baseUrl()) / 1000.0);
            try (LocalStack stack = LocalStack.start(settings, new PrintStream(PrintStream.nullOutputStream()))) {
                key = stack.printedKey().orElseThrow();
                run(stack, key, requests, concurrency, out);
                InMemoryMetrics metrics = stack.context().getBean(InMemoryMetrics.class);
                long attempts = metrics.counterTotal(MetricNames.ATTEMPTS);
                out.printf(
                        "attempts per request: %.3f (upstream attempts %d; flaky provider saw %d calls)%n",
                        (double) attempts / requests, attempts, flakyCalls.get());
            } finally {
                Files.deleteIfExists(yaml);
            }
        }
    }

    private static void run(LocalStack stack, String key, int requests, int concurrency, PrintStream out)
            throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + stack.port() + "/v1/messages");
        String body = "{\"model\":\"claude-bench\",\"max_tokens\":64,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";
        List<Long> addedMicros = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = sent.getAndIncrement()) < requests) {
                        long start = System.nanoTime();
                        HttpResponse<String> response = client.send(
                                HttpRequest.newBuilder(uri)
                                        .header("content-type", "application/json")
                                        .header("x-api-key", key)
                                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - start) / 1000;
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (n >= WARM_UP) {
                                addedMicros.add(micros - HEALTHY_DELAY.toNanos() / 1000);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        List<Long> sorted = new ArrayList<>(addedMicros);
        Collections.sort(sorted);
        out.printf("requests: %d, concurrency: %d%n", requests, concurrency);
        out.printf("success ratio: %.4f (%d/%d)%n", ok.get() / (double) requests, ok.get(), requests);
        out.printf(
                "added latency after warm-up (%d requests, breaker open): p50 %.2f ms, p95 %.2f ms%n",
                sorted.size(), percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.95) / 1000.0);
    }

    /** Median microseconds of calling the fake directly: what the client stack itself costs. */
    private static long direct(URI base) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            client.send(
                    HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            micros.add((System.nanoTime() - start) / 1000);
        }
        Collections.sort(micros);
        return percentile(micros, 0.5);
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static Reply ok(String who) {
        return Replies.completion("pong from " + who, List.of(), "stop");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String config(URI down, URI flaky, URI healthy) {
        return """
                providers:
                  - {id: down, base_url: "%s", timeouts: {connect: 1s}}
                  - {id: flaky, base_url: "%s"}
                  - {id: healthy, base_url: "%s"}
                routes:
                  - model: claude-bench
                    targets:
                      - {provider: down, model: m}
                      - {provider: flaky, model: m}
                      - {provider: healthy, model: m}
                """.formatted(down, flaky, healthy);
    }
}
