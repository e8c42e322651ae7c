package io.portbroker.wiring;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.core.health.DiskCheck;
import io.portbroker.core.health.HealthCheck;
import io.portbroker.core.health.MemoryCheck;
import io.portbroker.core.health.ProviderBreakerCheck;
import io.portbroker.core.health.ProviderProbe;
import io.portbroker.core.health.Readiness;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.EmfPublisher;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricLabels;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.observability.ConfiguredNames;
import io.portbroker.core.observability.Observability;
import io.portbroker.core.observability.ObservabilitySettings;
import io.portbroker.core.observability.RequestFactsBoard;
import io.portbroker.core.observability.UpstreamWaits;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.dynamodb.TableSchemaDefinition;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Metrics (Micrometer: the Prometheus registry for the local page, EMF lines flushed once per request on Lambda),
 * readiness checks and the request observability decorators.
 */
@Factory
public class ObservabilityFactory {
    private final io.portbroker.core.settings.Settings config;
    private final ObservabilitySettings settings;
    private final Duration probeInterval;

    public ObservabilityFactory(io.portbroker.core.settings.Settings config, ObservabilityProperties properties) {
        this.config = config;
        this.settings = properties.toSettings();
        this.probeInterval = properties.getProviderProbeInterval();
    }

    @Singleton
    MetricLabels metricLabels(io.micronaut.context.BeanProvider<ConfigStore> store, Clock clock) {
        // lazily: the config snapshot behind the store counts its reloads in these metrics
        return MetricLabels.standard(new ConfiguredNames(store::get, clock, settings.labelRefresh()));
    }

    /** Backs the Prometheus page ({@code GET /metrics} where exposed). */
    @Singleton
    InMemoryMetrics inMemoryMetrics(MetricLabels labels) {
        return new InMemoryMetrics(labels);
    }

    /** CloudWatch EMF on Lambda: written to stdout once per request; unused locally ({@code emf-metrics=false}). */
    @Singleton
    EmfPublisher emfPublisher(MetricLabels labels, Clock clock) {
        return new EmfPublisher(
                labels,
                System.out::println,
                clock,
                "portbroker",
                config.infrastructure().environment());
    }

    @Singleton
    Metrics metrics(
            InMemoryMetrics inMemory,
            EmfPublisher emf,
            io.portbroker.core.stats.StatsTimeline stats,
            io.portbroker.core.alerting.TrafficWindow traffic) {
        List<Metrics> sinks = new ArrayList<>();
        sinks.add(stats); // the admin dashboard's time series (StatsFactory)
        sinks.add(traffic); // the windowed alert rules' recent past
        if (config.infrastructure().exposeMetrics()) {
            sinks.add(inMemory);
        }
        if (config.infrastructure().emfMetrics()) {
            sinks.add(emf.metrics());
        }
        return Metrics.fanOut(sinks);
    }

    @Singleton
    @Named("observability")
    @Bean(preDestroy = "shutdownNow") // a closed context stops its timers
    ScheduledExecutorService observabilityScheduler() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("pb-observability").daemon(true).factory());
    }

    @Singleton
    Readiness readiness(
            DynamoDbClient dynamo,
            SecretsManagerClient secrets,
            ConfigStore store,
            BeanProvider<io.portbroker.core.reload.LiveDataPlane> dataPlane,
            Metrics metrics,
            Clock clock,
            @Named("observability") ScheduledExecutorService scheduler,
            AwsClientsFactory aws,
            @io.micronaut.context.annotation.Value("${portbroker.cache.l3-bucket:}") String cacheBucket,
            @io.micronaut.context.annotation.Value("${portbroker.audit-archive.bucket:}") String auditBucket) {
        String keysTable = TableSchemaDefinition.load()
                .table("api-keys")
                .physicalName(config.infrastructure().tablePrefix());
        List<HealthCheck> checks = new ArrayList<>();
        // a GetItem of a key hash that never exists: the gateway's role allows exactly that on this table
        checks.add(HealthCheck.probe(
                "dynamodb",
                true,
                () -> dynamo.getItem(b -> b.tableName(keysTable)
                        .key(java.util.Map.of(
                                "key_hash",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                        "health-probe"))))));
        checks.add(HealthCheck.probe(
                "secrets",
                true,
                () -> secrets.getSecretValue(b -> b.secretId(config.security().pepperSecretId()))));
        checks.add(new ProviderBreakerCheck(
                store, t -> dataPlane.get().current().breakers().state(t)));
        // the background provider probe: its own schedule, a TCP connect through the SSRF-guarded resolver
        ProviderProbe probe = new ProviderProbe(
                store,
                t -> dataPlane.get().current().breakers().state(t),
                ObservabilityFactory::tcpConnect,
                settings.checkTimeout());
        checks.add(probe);
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        probe.probeAll();
                    } catch (RuntimeException e) {
                        // the next round tries again; readiness keeps the last results
                    }
                },
                0,
                probeInterval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        // S3: a HeadBucket of each configured bucket (cache L3, audit archive), cached like every check
        List<String> buckets = java.util.stream.Stream.of(cacheBucket, auditBucket)
                .filter(b -> b != null && !b.isBlank())
                .map(ObservabilityFactory::bucketName)
                .distinct()
                .toList();
        if (!buckets.isEmpty()) {
            software.amazon.awssdk.services.s3.S3Client s3 = aws.configure(
                            software.amazon.awssdk.services.s3.S3Client.builder())
                    .build();
            checks.add(HealthCheck.probe("s3", false, () -> buckets.forEach(b -> s3.headBucket(h -> h.bucket(b)))));
        }
        checks.add(new MemoryCheck(settings.minFreeHeap()));
        if (!config.infrastructure().emfMetrics()) {
            checks.add(new DiskCheck(new File("."), settings.minFreeDiskBytes()));
        }
        scheduler.scheduleWithFixedDelay(
                () -> activeProviders(store, metrics),
                0,
                settings.readinessInterval().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> heapUsed(metrics), 0, 1, java.util.concurrent.TimeUnit.SECONDS);
        return new Readiness(checks, clock, settings.checkTimeout()).every(scheduler, settings.readinessInterval());
    }

    /** A bucket name from a name or an ARN ({@code arn:aws:s3:::name}). */
    static String bucketName(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1) : nameOrArn;
    }

    private static void tcpConnect(java.net.URI base, Duration timeout) throws java.io.IOException {
        int port = base.getPort() > 0 ? base.getPort() : "http".equals(base.getScheme()) ? 80 : 443;
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(base.getHost(), port), (int) timeout.toMillis());
        }
    }

    /** Heap in use, each second: the memory curve {@code ./pb baseline save} samples. */
    private static void heapUsed(Metrics metrics) {
        metrics.gauge(
                "portbroker_heap_used_bytes",
                Map.of(),
                java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage()
                        .getUsed());
    }

    private static void activeProviders(ConfigStore store, Metrics metrics) {
        try {
            long enabled = store.providers().stream().filter(p -> p.enabled()).count();
            metrics.gauge(MetricNames.ACTIVE_PROVIDERS, Map.of(), enabled);
        } catch (RuntimeException e) {
            // the gauge keeps its last value
        }
    }

    @Singleton
    RequestFactsBoard requestFactsBoard() {
        return new RequestFactsBoard();
    }

    @Singleton
    Observability observability(
            Metrics metrics,
            RequestFactsBoard facts,
            Readiness readiness,
            ApiKeyAuthenticator authenticator,
            EmfPublisher emf,
            io.portbroker.core.finops.CostRecorder costs,
            Optional<io.portbroker.core.alerting.AlertManager> alerting,
            TracingFactory.Installation tracing) {
        return new Observability(
                metrics,
                facts,
                new UpstreamWaits(),
                costs,
                readiness,
                request -> request.header("x-api-key")
                        .map(key -> authenticator.authenticate(key, Scopes.ADMIN_READ) != null)
                        .orElse(false),
                config.infrastructure().emfMetrics()
                        ? () -> {
                            emf.flush();
                            // a frozen Lambda container sends nothing in the background: spans go out per request
                            tracing.flush(java.time.Duration.ofSeconds(2));
                        }
                        : () -> {});
    }
}
