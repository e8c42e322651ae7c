package io.portbroker.lambda;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a function's request path during init (the gateway, before its first {@code invocation/next}) or before a
 * SnapStart checkpoint (the admin function): synthetic API Gateway events go through the real event mapper, the
 * real handler and the response encoders, and a sample Anthropic request through the request decoder, so the
 * class loading and first interpretation of that code are paid before a caller waits. Every synthetic request is
 * refused: liveness and malformed API keys without any network call, and the gateway's one well-formed random key
 * after a single key-table read that misses (so the AWS client, request signing and its connection are warm too).
 * Nothing is written, sent upstream or metered, and the observing wrapper is not primed, so no access log or
 * metric counts a priming request. A failure of priming is logged and never fails init.
 */
public final class Priming {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /** The variable that turns priming off ({@code off}); on by default. */
    public static final String SWITCH = "PORTBROKER_LAMBDA_PRIMING";

    /** A key of the right prefix but the wrong shape: refused by the format check, never looked up. */
    static final String MALFORMED_KEY = "pb_live_priming";

    private static final String SAMPLE_MESSAGES = """
            {"model":"priming","max_tokens":16,"stream":false,"system":"s","messages":[{"role":"user","content":\
            [{"type":"text","text":"hi"}]}],"tools":[{"name":"t","description":"d","input_schema":\
            {"type":"object","properties":{"a":{"type":"string"}}}}],"metadata":{"user_id":"u"}}""";

    /** A non-streamed OpenAI-compatible answer and the chunks of a streamed one, for the translation step. */
    private static final String SAMPLE_ANSWER = """
            {"id":"chatcmpl-priming","object":"chat.completion","created":1764720000,"model":"priming","choices":\
            [{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    private static final List<String> SAMPLE_CHUNKS = List.of(
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1764720000,\"model\":\"priming\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"o\"},"
                    + "\"finish_reason\":null}]}",
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1764720000,\"model\":\"priming\","
                    + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Priming() {}

    /**
     * What a priming run did.
     *
     * @param requests synthetic requests sent
     * @param statuses the status of each answered request, in order
     * @param failure the first failure's class name, or empty
     * @param nanos time spent
     */
    public record Outcome(int requests, List<Integer> statuses, String failure, long nanos) {
        public Outcome {
            statuses = List.copyOf(statuses);
        }

        /** How many requests the handler answered. */
        public int answered() {
            return statuses.size();
        }

        /** True when every request was answered and nothing failed. */
        public boolean clean() {
            return failure.isEmpty() && answered() == requests;
        }
    }

    /** True unless {@value #SWITCH} is {@code off} or {@code false} in {@code env}. */
    public static boolean enabled(Map<String, String> env) {
        String v = env.getOrDefault(SWITCH, "on").trim();
        return !v.equalsIgnoreCase("off") && !v.equalsIgnoreCase("false");
    }

    /**
     * The gateway's synthetic events: liveness, {@code HEAD /}, Messages, count and Chat calls with a malformed key, and
     * one Messages call with a fresh random well-formed key (refused after one key-table read).
     */
    public static List<byte[]> gatewayEvents() {
        return List.of(
                event("GET", "/health", Map.of(), ""),
                event("HEAD", "/", Map.of(), ""),
                event("POST", "/v1/messages", Map.of("x-api-key", MALFORMED_KEY), SAMPLE_MESSAGES),
                event("POST", "/v1/messages/count_tokens", Map.of("x-api-key", MALFORMED_KEY), SAMPLE_MESSAGES),
                event("POST", "/v1/chat/completions", Map.of("authorization", "Bearer " + MALFORMED_KEY), "{}"),
                // well formed and random: one GetItem that finds nothing (a read; 401), never a real key
                event("POST", "/v1/messages", Map.of("x-api-key", ApiKeyFormat.generate(RANDOM)), SAMPLE_MESSAGES));
    }

    /** The admin function's synthetic events: admin routes called with a malformed key (refused, 401). */
    public static List<byte[]> adminEvents() {
        return List.of(
                event("GET", "/admin/v1/keys", Map.of("x-api-key", MALFORMED_KEY), ""),
                event("GET", "/admin/v1/providers", Map.of("authorization", "Bearer " + MALFORMED_KEY), ""),
                // shaped like a JWS, so the access-token verifier and its JSON parsing run (and refuse it)
                event("GET", "/admin/v1/routes", Map.of("authorization", "Bearer e30.e30.priming"), ""),
                event("OPTIONS", "/admin/v1/keys", Map.of("origin", "https://priming.invalid"), ""));
    }

    /**
     * Runs the events through {@code handler} once each and the sample request through the Anthropic decoder.
     * Never throws: a failure ends the run and is reported in the outcome and the log.
     */
    public static Outcome run(ApiHandler handler, List<byte[]> events) {
        long start = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        String failure = "";
        try {
            translate();
            for (byte[] event : events) {
                BufferedResponder responder = new BufferedResponder();
                handler.handle(ApiGatewayEvents.toApiRequest(event), responder);
                if (responder.answered()) {
                    responder.toProxyResponse();
                    statuses.add(responder.status());
                    RuntimeApiClient.ResponseStream.prelude(200, Map.of("content-type", "application/json"));
                }
            }
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            failure = e.getClass().getName();
        }
        Outcome outcome = new Outcome(events.size(), statuses, failure, System.nanoTime() - start);
        if (outcome.clean()) {
            LOG.info("primed {} requests in {} ms", outcome.requests(), outcome.nanos() / 1_000_000);
        } else {
            LOG.warn(
                    "priming incomplete ({} of {} answered, failure: {}); serving unprimed",
                    outcome.answered(),
                    outcome.requests(),
                    outcome.failure().isEmpty() ? "none" : outcome.failure());
        }
        return outcome;
    }

    /**
     * The translation both ways without a provider: the sample request decoded, a sample OpenAI answer decoded and
     * encoded as Anthropic, and a two-chunk OpenAI stream through the stream decoder and the SSE encoder. The
     * signing key of this throw-away dialect is random and never leaves the method.
     *
     * @return the Anthropic answer and the SSE stream produced, one after the other (tests)
     */
    static String translate() {
        AnthropicMessagesDialect client = new AnthropicMessagesDialect(false);
        NormalizedRequest request = client.decodeRequest(SAMPLE_MESSAGES.getBytes(StandardCharsets.UTF_8), new Notes());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        OpenAiChatDialect upstream =
                new OpenAiChatDialect(new HmacThinkingSignatures(key), Clock.systemUTC(), () -> "msg_priming");
        byte[] answer =
                client.encodeResponse(upstream.decodeResponse(SAMPLE_ANSWER.getBytes(StandardCharsets.UTF_8), request));
        java.io.ByteArrayOutputStream sse = new java.io.ByteArrayOutputStream();
        StreamDecoder stream =
                upstream.newStreamDecoder(request, "msg_priming", client.newStreamEncoder(sse::writeBytes));
        SAMPLE_CHUNKS.forEach(stream::onData);
        stream.onEnd();
        return new String(answer, StandardCharsets.UTF_8) + "\n" + sse.toString(StandardCharsets.UTF_8);
    }

    private static byte[] event(String method, String path, Map<String, String> headers, String body) {
        StringBuilder h = new StringBuilder();
        headers.forEach((k, v) -> h.append(h.isEmpty() ? "" : ",")
                .append('"')
                .append(k)
                .append("\":[\"")
                .append(v)
                .append("\"]"));
        String json = "{\"httpMethod\":\"" + method + "\",\"path\":\"" + path + "\",\"multiValueHeaders\":{"
                + h + (h.isEmpty() ? "" : ",") + "\"content-type\":[\"application/json\"]},\"body\":"
                + (body.isEmpty() ? "null" : quote(body)) + ",\"isBase64Encoded\":false,"
                + "\"requestContext\":{\"requestId\":\"priming\",\"identity\":{\"sourceIp\":\"127.0.0.1\"}}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
