package io.portbroker.fn.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.local.LocalStack;
import io.portbroker.testkit.MotoEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The handler as Lambda calls it, with recorded API Gateway and EventBridge events (src/test/resources/events),
 * against moto. The emulator is prepared by the local stack's own start-up (secrets, tables, bootstrap admin key),
 * and the handler runs on that context, plus an Object Lock bucket for the archive.
 */
class AdminFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static AdminFunction function;
    private static String adminKey;
    private static String bucket;
    private static HttpServer snsReceiver;
    private static final List<JsonNode> NOTIFIED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        String prefix = "pbfn-" + UUID.randomUUID().toString().substring(0, 8);
        bucket = prefix + "-audit";
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-admin-fn", ".yaml");
        Files.writeString(config, "providers:\n  - id: seed\n    base_url: https://api.openai.com/v1\n");
        String topicArn = alertTopic(prefix);
        stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                        .port(-1)
                        .tablePrefix(prefix)
                        .extraProperties(Map.of(
                                "portbroker.audit-archive.bucket", bucket,
                                "portbroker.audit-archive.retention-mode", "GOVERNANCE",
                                "portbroker.audit-archive.retention-days", "2",
                                // alerts go to SNS; the in-process timer waits an hour, the schedule runs them
                                "portbroker.observability.alert-sns-topic-arn", topicArn,
                                "portbroker.observability.alert-interval", "1h"))
                        .bootstrapAdminKey(adminKey)
                        .build(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        stack.context()
                .getBean(S3Client.class)
                .createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        function = new AdminFunction(stack.context());
    }

    /** A moto SNS topic with an HTTP subscription to a receiver of the test's own. */
    private static String alertTopic(String prefix) throws IOException {
        snsReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        snsReceiver.createContext("/sns", exchange -> {
            NOTIFIED.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        snsReceiver.start();
        try (SnsClient sns = SnsClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(Region.US_EAST_1) // the local stack's region: moto keeps topics per region
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            String arn = sns.createTopic(b -> b.name(prefix + "-alarms")).topicArn();
            sns.subscribe(b -> b.topicArn(arn)
                    .protocol("http")
                    .endpoint("http://127.0.0.1:" + snsReceiver.getAddress().getPort() + "/sns"));
            return arn;
        }
    }

    @AfterAll
    static void stop() {
        stack.close();
        snsReceiver.stop(0);
    }

    @Test
    void handleRequest_shouldEvaluateTheAlertRulesAndPublishToSns_whenTheAlertsScheduleFires() throws Exception {
        // given: a week at $1 a day, then $10 today (the cost-anomaly rule reads the shared ledger in DynamoDB)
        CostLedger ledger = stack.context().getBean(CostLedger.class);
        Instant now = Instant.now();
        for (int day = 0; day <= 7; day++) {
            ledger.record(new CostRecord(
                    "req_alerts" + day,
                    now.minus(day, ChronoUnit.DAYS),
                    "test",
                    "gateway",
                    "seed",
                    "m",
                    "k",
                    1,
                    1,
                    0,
                    0,
                    day == 0 ? 10.0 : 1.0,
                    0));
        }

        // when
        JsonNode run = invoke(event("scheduled-alerts.json"));
        JsonNode again = invoke(event("scheduled-alerts.json"));

        // then: one firing notification, delivered through SNS; the next run repeats nothing
        assertThat(run.path("sent").findValuesAsText("rule")).containsExactly("cost_anomaly");
        assertThat(run.path("sent").get(0).path("state").asText()).isEqualTo("firing");
        assertThat(again.path("sent")).isEmpty();
        assertThat(again.path("firing").asInt()).isEqualTo(1);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (NOTIFIED.stream()
                        .noneMatch(n -> "Notification".equals(n.path("Type").asText()))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        JsonNode notification = NOTIFIED.stream()
                .filter(n -> "Notification".equals(n.path("Type").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(notification.path("Subject").asText()).startsWith("[FIRING] cost_anomaly costs");
        assertThat(JSON.readTree(notification.path("Message").asText())
                        .path("rule")
                        .asText())
                .isEqualTo("cost_anomaly");
    }

    @Test
    void handleRequest_shouldCreateAndListAProvider_whenCalledWithProxyEvents() throws IOException {
        // when
        JsonNode created = invoke(createProvider("deepseek"));
        JsonNode listed = invoke(event("list-providers.json"));

        // then
        assertThat(created.path("statusCode").asInt()).as(created.toString()).isEqualTo(201);
        assertThat(created.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(created.path("headers").path("content-type").asText()).isEqualTo("application/json");
        JsonNode provider = JSON.readTree(created.path("body").asText());
        assertThat(provider.path("id").asText()).isEqualTo("deepseek");
        assertThat(created.path("body").asText()).doesNotContain("sk-test-credential-0000");
        assertThat(listed.path("statusCode").asInt()).isEqualTo(200);
        JsonNode page = JSON.readTree(listed.path("body").asText());
        assertThat(page.path("data").findValuesAsText("id")).contains("deepseek");
    }

    @Test
    void handleRequest_shouldAnswerUnauthorized_whenTheEventCarriesNoKey() throws IOException {
        // given
        byte[] anonymous = event("list-providers.json").replace(adminKey, "").getBytes(StandardCharsets.UTF_8);

        // when
        JsonNode answer = invoke(anonymous);

        // then
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
    }

    @Test
    void handleRequest_shouldArchiveTheAuditTrailIntoLockedObjects_whenTheScheduleFires() throws IOException {
        // given: an audited admin change
        assertThat(invoke(createProvider("groq")).path("statusCode").asInt()).isEqualTo(201);

        // when
        JsonNode runs = invoke(event("scheduled.json"));
        JsonNode again = invoke(event("scheduled.json"));
        JsonNode verified = invoke(event("verify-archive.json"));

        // then
        JsonNode admin = runs.get(0);
        assertThat(admin.path("stream").asText()).isEqualTo("ADMIN");
        assertThat(admin.path("batchesWritten").asInt()).isEqualTo(1);
        assertThat(admin.path("problem").isNull()).isTrue();
        assertThat(again.get(0).path("batchesWritten").asInt()).isZero();
        assertThat(again.get(0).path("archivedThrough").asLong())
                .isEqualTo(admin.path("archivedThrough").asLong());
        assertThat(verified.path("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(verified.path("body").asText()).path("valid").asBoolean())
                .isTrue();
        S3Client s3 = stack.context().getBean(S3Client.class);
        S3Object object = s3.listObjectsV2(b -> b.bucket(bucket).prefix("audit/admin/"))
                .contents()
                .getFirst();
        var head = s3.headObject(b -> b.bucket(bucket).key(object.key()));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(head.objectLockRetainUntilDate()).isAfter(Instant.now().plus(1, ChronoUnit.DAYS));
        String lines =
                s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asUtf8String();
        assertThat(lines).contains("\"action\":\"provider.create\"").doesNotContain("sk-test-credential-0000");
    }

    @Test
    void beforeCheckpoint_shouldPrimeTheRealAdminRouterWithoutFailing_whenSnapStartCheckpoints() throws IOException {
        // given
        org.crac.Context<org.crac.Resource> crac = org.crac.Core.getGlobalContext();

        // when: what the managed runtime calls before it takes the snapshot
        function.priming().beforeCheckpoint(crac);
        function.priming().afterRestore(crac);

        // then: every synthetic admin request was answered (refused), and the function still serves
        io.portbroker.lambda.Priming.Outcome outcome = function.priming().last();
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.answered()).isEqualTo(outcome.requests()).isEqualTo(4);
        // refused, never served: malformed keys and a forged token (401), a preflight from an unlisted origin
        assertThat(outcome.statuses().subList(0, 3)).containsOnly(401);
        assertThat(invoke(event("list-providers.json")).path("statusCode").asInt())
                .isEqualTo(200);
    }

    @Test
    void handleRequest_shouldFail_whenThePayloadIsNotAnEvent() {
        assertThatThrownBy(() -> invoke("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void handleRequest_shouldAnswer400InTheAdminEnvelope_whenTheRawPathHoldsAMalformedEscape() throws IOException {
        // given: API Gateway hands the raw path over (the local Netty server refuses such URIs before the core)
        ObjectNode event = (ObjectNode) JSON.readTree(event("list-providers.json"));
        event.put("path", "/admin/v1/keys/%zz");
        event.remove("queryStringParameters");
        event.remove("multiValueQueryStringParameters");

        // when
        JsonNode response = invoke(JSON.writeValueAsString(event));

        // then: the client's fault, in the structured admin envelope, before any authentication
        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.path("body").asText());
        assertThat(body.path("message").asText()).isEqualTo("the path holds a malformed percent-escape");
        assertThat(body.path("trace_id").asText()).isNotBlank();
    }

    private static String event(String name) throws IOException {
        try (InputStream in = AdminFunctionTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${ADMIN_KEY}", adminKey);
        }
    }

    /** The recorded create event (base64 body, as API Gateway sends it) for another provider id. */
    private static String createProvider(String id) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event("create-provider.json"));
        String body = new String(Base64.getDecoder().decode(event.path("body").asText()), StandardCharsets.UTF_8);
        event.put(
                "body",
                Base64.getEncoder().encodeToString(body.replace("deepseek", id).getBytes(StandardCharsets.UTF_8)));
        return JSON.writeValueAsString(event);
    }

    private static JsonNode invoke(String event) throws IOException {
        return invoke(event.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
