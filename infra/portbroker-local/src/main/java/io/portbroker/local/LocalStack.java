package io.portbroker.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.auth.BootstrapCredentials;
import io.portbroker.core.config.ConfigSeeder;
import io.portbroker.core.config.PortBrokerConfigFile;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.dynamodb.TableProvisioner;
import io.portbroker.secrets.SecretsManagerSecrets;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Starts the local stack against a running emulator: server secrets (key pepper, thinking key, admin JWT key;
 * created once), the KMS key that seals provider API keys ({@code alias/<prefix>-provider-keys}), the remote
 * settings layer at SSM path {@code /<prefix>/config}, tables from the single schema, providers and routes from {@code
 * portbroker.yaml} (base URLs checked by the SSRF policy; a host that does not resolve passes, so it starts
 * offline), a bootstrap client key, a bootstrap admin key and a
 * bootstrap admin user each printed once, then the gateway and the admin API ({@code /admin/v1}) on {@code
 * 127.0.0.1:PORT}. Loopback is on the SSRF allow-list (plain http too) so local fakes and Ollama can be used.
 */
public final class LocalStack implements AutoCloseable {
    private static final String BOOTSTRAP_MARKER = "portbroker/bootstrap-key-issued";
    private static final String ADMIN_MARKER = "portbroker/bootstrap-admin-key-issued";
    private static final String BOOTSTRAP_ADMIN_USER = "admin";

    /**
     * Local settings a caller may override through {@code extraProperties}: loopback on the SSRF allow-list (the
     * fake upstreams and Ollama listen there, over plain http) and the admin UI's dev-server origins.
     */
    static final Map<String, Object> LOCAL_DEFAULTS = Map.of(
            "portbroker.security.ssrf.allowed-hosts", "localhost",
            "portbroker.security.ssrf.allowed-cidrs", "127.0.0.0/8,::1/128",
            "portbroker.security.ssrf.plain-http-hosts", "localhost,127.0.0.1,[::1]",
            "portbroker.runtime.cors.allowed-origins", "http://localhost:5173,http://127.0.0.1:5173");

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final Optional<String> printedKey;
    private final Optional<String> printedAdminKey;

    private LocalStack(
            ApplicationContext context,
            EmbeddedServer server,
            Optional<String> printedKey,
            Optional<String> printedAdminKey) {
        this.context = context;
        this.server = server;
        this.printedKey = printedKey;
        this.printedAdminKey = printedAdminKey;
    }

    /**
     * Settings of one local stack.
     *
     * @param bootstrapKey client key to register instead of printing a new one ({@code PORTBROKER_BOOTSTRAP_KEY})
     * @param bootstrapAdminKey admin key (scopes admin:keys, admin:provider, admin:read) to register instead of
     *     printing a new one ({@code PORTBROKER_BOOTSTRAP_ADMIN_KEY})
     * @param bootstrapAdminPassword password of the first admin user ({@code admin}) instead of a printed random
     *     one ({@code PORTBROKER_BOOTSTRAP_ADMIN_PASSWORD})
     */
    public record Settings(
            String awsEndpoint,
            Path configFile,
            int port,
            String tablePrefix,
            String bootstrapKey,
            Map<String, Object> extraProperties,
            String bootstrapAdminKey,
            String bootstrapAdminPassword) {

        /**
         * A builder over the emulator at {@code awsEndpoint} and the config file: port 8080, prefix
         * {@code portbroker-local}, no extra properties, printed bootstrap keys and password.
         */
        public static Builder builder(String awsEndpoint, Path configFile) {
            return new Builder(awsEndpoint, configFile);
        }

        /** Builds {@link Settings} by name (the canonical constructor is for this builder). */
        public static final class Builder {
            private final String awsEndpoint;
            private final Path configFile;
            private int port = 8080;
            private String tablePrefix = "portbroker-local";
            private String bootstrapKey;
            private Map<String, Object> extraProperties = Map.of();
            private String bootstrapAdminKey;
            private String bootstrapAdminPassword;

            private Builder(String awsEndpoint, Path configFile) {
                this.awsEndpoint = awsEndpoint;
                this.configFile = configFile;
            }

            /** The HTTP port; 0 or -1 for an ephemeral one (tests). */
            public Builder port(int value) {
                this.port = value;
                return this;
            }

            public Builder tablePrefix(String value) {
                this.tablePrefix = value;
                return this;
            }

            public Builder bootstrapKey(String value) {
                this.bootstrapKey = value;
                return this;
            }

            /** Application properties for the context (settings, test switches). */
            public Builder extraProperties(Map<String, Object> value) {
                this.extraProperties = Map.copyOf(value);
                return this;
            }

            public Builder bootstrapAdminKey(String value) {
                this.bootstrapAdminKey = value;
                return this;
            }

            public Builder bootstrapAdminPassword(String value) {
                this.bootstrapAdminPassword = value;
                return this;
            }

            public Settings build() {
                return new Settings(
                        awsEndpoint,
                        configFile,
                        port,
                        tablePrefix,
                        bootstrapKey,
                        extraProperties,
                        bootstrapAdminKey,
                        bootstrapAdminPassword);
            }
        }
    }

    private static void ensureColdCache(ApplicationContext context) {
        String bucket =
                context.getBean(io.portbroker.wiring.CacheConfiguration.class).getL3Bucket();
        if (bucket != null && !bucket.isBlank()) {
            try (var s3 = context.getBean(io.portbroker.wiring.AwsClientsFactory.class)
                    .configure(software.amazon.awssdk.services.s3.S3Client.builder())
                    .forcePathStyle(true)
                    .build()) {
                LocalAws.ensureBucket(s3, bucket);
            }
        }
    }

    /** Prepares the emulator and starts the server. */
    public static LocalStack start(Settings settings, PrintStream console) {
        StartTimer timer = new StartTimer();
        Map<String, Object> props = new HashMap<>(LOCAL_DEFAULTS);
        String prefix = settings.tablePrefix();
        props.put("portbroker.security.kms-key-id", "alias/" + prefix + "-provider-keys");
        // the remote layer: SSM parameters under this path override the file and environment (runtime settings)
        props.put("portbroker.infrastructure.remote-path", "/" + prefix + "/config");
        // the server is bound to loopback: the Prometheus page may be served without a key; no EMF lines locally
        props.put("portbroker.infrastructure.expose-metrics", true);
        props.put("portbroker.infrastructure.emf-metrics", false);
        props.put("portbroker.infrastructure.environment", "local");
        props.put("portbroker.config-file", settings.configFile().toString());
        props.put("portbroker.cache.l3-bucket", prefix + "-cold-cache");
        // the emulator answers one request at a time: the 25 ms read budget meant for DynamoDB and S3 would open the
        // tier breakers under any burst
        props.put("portbroker.cache.read-timeout", "500ms");
        props.putAll(settings.extraProperties());
        props.put("portbroker.infrastructure.aws-endpoint", settings.awsEndpoint());
        props.put("portbroker.infrastructure.table-prefix", prefix);
        props.put("portbroker.security.pepper-secret-id", prefix + "/key-pepper");
        props.put("portbroker.security.thinking-key-secret-id", prefix + "/thinking-key");
        props.put("portbroker.security.jwt-secret-id", prefix + "/admin-jwt-secret");
        props.put("micronaut.server.host", "127.0.0.1");
        // Micronaut refuses cross-origin calls to a localhost server from non-localhost origins on its own; the
        // admin API's CORS policy (portbroker.cors.*) is the one that decides here, as it does in AWS
        props.put("micronaut.server.cors.localhost-pass-through", true);
        props.put("micronaut.server.port", settings.port());
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("local")
                .properties(props)
                .start();
        timer.mark("context");
        try {
            io.portbroker.core.settings.Settings config = context.getBean(io.portbroker.core.settings.Settings.class);
            SecretsManagerSecrets secrets = context.getBean(SecretsManagerSecrets.class);
            SecureRandom random = new SecureRandom();
            secrets.getOrCreateRandom(config.security().pepperSecretId(), random);
            secrets.getOrCreateRandom(config.security().thinkingKeySecretId(), random);
            secrets.getOrCreateRandom(config.security().jwtSecretId(), random);
            timer.mark("secrets");
            LocalAws.ensureKmsAlias(
                    context.getBean(KmsClient.class), config.security().kmsKeyId());
            TableProvisioner.forBundledSchema()
                    .ensureTables(
                            context.getBean(DynamoDbClient.class),
                            config.infrastructure().tablePrefix());
            ensureColdCache(context);
            timer.mark("kms+tables+bucket");
            var seeded = ConfigSeeder.seed(
                    PortBrokerConfigFile.load(settings.configFile()),
                    context.getBean(ConfigStore.class),
                    url -> context.getBean(UrlPolicy.class).checkOnSeed(url.toString()));
            console.println("PortBroker: seeded " + seeded + " from " + settings.configFile());
            timer.mark("seed");
            Optional<String> key = bootstrapKey(
                    context,
                    settings.tablePrefix() + "/" + BOOTSTRAP_MARKER,
                    settings.bootstrapKey(),
                    "bootstrap",
                    Scopes.CHAT,
                    random);
            key.ifPresent(k -> {
                console.println("PortBroker: created the bootstrap client key (shown once, store it now):");
                console.println("  " + k);
            });
            Optional<String> adminKey = bootstrapKey(
                    context,
                    settings.tablePrefix() + "/" + ADMIN_MARKER,
                    settings.bootstrapAdminKey(),
                    "bootstrap-admin",
                    Scopes.ADMIN,
                    random);
            adminKey.ifPresent(k -> {
                console.println(
                        "PortBroker: created the bootstrap ADMIN key for /admin/v1 (shown once, store it now):");
                console.println("  " + k);
            });
            bootstrapAdminUser(context, settings.bootstrapAdminPassword()).ifPresent(c -> {
                // the console only: never a logger, so the password reaches no log pipeline
                console.println("PortBroker: created the bootstrap admin user '" + c.username()
                        + "' for POST /admin/v1/auth/login (password shown once, store it now):");
                console.println("  " + c.password());
            });
            // build the request handler now, so an unsafe setting (short JWT key, '*' CORS origin) fails the start
            // rather than the first request
            timer.mark("bootstrap keys");
            context.getBean(ApiHandler.class);
            timer.mark("handler");
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            timer.mark("server");
            console.println("PortBroker: listening on http://127.0.0.1:" + server.getPort()
                    + " (admin API under /admin/v1, admin portal at /portal/)");
            console.println("PortBroker: started in " + timer.summary());
            return new LocalStack(context, server, key, adminKey);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Registers the supplied key, or creates and returns a new one on the first start only. */
    private static Optional<String> bootstrapKey(
            ApplicationContext context,
            String marker,
            String supplied,
            String name,
            java.util.Set<String> scopes,
            SecureRandom random) {
        SecretsManagerClient sm = context.getBean(SecretsManagerClient.class);
        boolean issued = sm.listSecrets(b -> b.filters(f -> f.key("name").values(marker))).secretList().stream()
                .anyMatch(s -> marker.equals(s.name()));
        KeyIssuer issuer = new KeyIssuer(
                context.getBean(ApiKeyStore.class), context.getBean(KeyHasher.class), Clock.systemUTC(), random);
        if (supplied != null && !supplied.isBlank()) {
            try {
                var k = issuer.register(supplied, name, scopes, null);
                markIssued(sm, marker, issued, k.record().keyId());
            } catch (KeyAlreadyExistsException already) {
                // supplied by automation and registered on an earlier start: nothing to do
            }
            return Optional.empty();
        }
        if (issued) {
            return Optional.empty();
        }
        var k = issuer.issue(name, scopes, null);
        markIssued(sm, marker, false, k.record().keyId());
        return Optional.of(k.key());
    }

    /**
     * Creates the admin user {@code admin} on the first start (random password, or the supplied one) and audits it.
     *
     * @return the credentials to print when the password was generated here
     */
    private static Optional<BootstrapCredentials> bootstrapAdminUser(ApplicationContext context, String supplied) {
        Optional<BootstrapCredentials> created = context.getBean(AdminAuthService.class)
                .bootstrapAdmin(BOOTSTRAP_ADMIN_USER, Scopes.ADMIN, blankToNull(supplied));
        created.ifPresent(c -> context.getBean(AuditLog.class)
                .append(new AuditEvent(
                        AuditStream.AUTH,
                        "system",
                        "auth.bootstrap_admin",
                        c.username(),
                        Map.of("password", supplied == null || supplied.isBlank() ? "generated" : "supplied"))));
        return supplied == null || supplied.isBlank() ? created : Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void markIssued(SecretsManagerClient sm, String marker, boolean exists, String keyId) {
        if (!exists) {
            sm.createSecret(b -> b.name(marker).secretString(keyId));
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The key printed at this start, if one was created. */
    public Optional<String> printedKey() {
        return printedKey;
    }

    /** The admin key printed at this start, if one was created. */
    public Optional<String> printedAdminKey() {
        return printedAdminKey;
    }

    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    /** Command-line entry: reads {@code PORTBROKER_*} variables and runs until killed. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String endpoint = env.get("PORTBROKER_AWS_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            System.err.println("PORTBROKER_AWS_ENDPOINT must point at the emulator (./pb local starts it)");
            // nothing has started yet, so there are no shutdown hooks to run
            Runtime.getRuntime().halt(2);
        }
        Settings settings = Settings.builder(
                        endpoint, Path.of(env.getOrDefault("PORTBROKER_CONFIG", "portbroker.yaml")))
                .port(Integer.parseInt(env.getOrDefault("PORTBROKER_PORT", "8080")))
                .tablePrefix(env.getOrDefault("PORTBROKER_TABLE_PREFIX", "portbroker-local"))
                .bootstrapKey(env.get("PORTBROKER_BOOTSTRAP_KEY"))
                .bootstrapAdminKey(env.get("PORTBROKER_BOOTSTRAP_ADMIN_KEY"))
                .bootstrapAdminPassword(env.get("PORTBROKER_BOOTSTRAP_ADMIN_PASSWORD"))
                .build();
        LocalStack stack = start(settings, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        Thread.currentThread().join();
    }
}
