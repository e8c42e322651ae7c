package io.portbroker.protocol.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.SharedJson;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Encodes an IR request as an OpenAI Chat Completions body (research §2a). Every provider difference comes from
 * the target's {@link CapabilityProfile} (its common part and its {@link OpenAiChatCapabilities} part), never
 * from the model name; whatever is dropped or changed is noted.
 * A route-level output cap is applied by passing a profile with a smaller {@code maxOutputTokens}. Stateless and
 * thread-safe.
 */
public final class OpenAiRequestEncoder {
    private static final ObjectMapper MAPPER = SharedJson.MAPPER;
    private static final int MAX_USER_LENGTH = 64;

    /**
     * Encodes one request.
     *
     * @param req the request
     * @param target the upstream model and its profile
     * @param signatures recognises thinking PortBroker signed, which alone may be passed back upstream
     * @param notes receives a line for everything dropped, clamped or replaced
     * @return the JSON body
     * @throws io.portbroker.error.InvalidRequestError when the request carries media the target cannot read
     */
    public byte[] encode(NormalizedRequest req, UpstreamTarget target, ThinkingSignatures signatures, Notes notes) {
        CapabilityProfile profile = target.profile();
        CommonCapabilities common = profile.common();
        OpenAiChatCapabilities chat = OpenAiChatCapabilities.of(profile);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", target.upstreamModel());
        body.set("messages", new OpenAiMessageEncoder(profile, signatures, notes).encode(req));
        OpenAiToolEncoder.write(body, req, chat, notes);
        int maxTokens = Math.min(req.maxTokens(), common.maxOutputTokens());
        if (maxTokens < req.maxTokens()) {
            notes.add("clamped max_tokens " + req.maxTokens() + " to " + maxTokens);
        }
        body.put(chat.maxTokensField().wire(), maxTokens);
        sampling(body, req.sampling(), common, notes);
        if (req.sampling().seed() != null) {
            if (chat.seed()) {
                body.put("seed", req.sampling().seed());
            } else {
                notes.add("dropped seed: the target does not accept it");
            }
        }
        if (req.userId() != null && !req.userId().isEmpty()) {
            body.put("user", userId(req.userId()));
        }
        OpenAiReasoningEncoder.write(body, req.thinking(), chat.reasoningStyle(), notes);
        if (req.outputSchema() != null) {
            body.putObject("response_format")
                    .put("type", "json_schema")
                    .putObject("json_schema")
                    .put("name", "output")
                    .put("strict", true)
                    .set("schema", JsonSchemas.strip(req.outputSchema(), chat.stripSchemaKeys()));
        }
        if (req.stream()) {
            body.put("stream", true);
            if (chat.streamUsage()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new InternalMappingError("could not serialise the upstream request");
        }
    }

    private static void sampling(ObjectNode body, Sampling sampling, CommonCapabilities profile, Notes notes) {
        List<String> stops = sampling.stopSequences();
        if (!stops.isEmpty()) {
            int kept = Math.min(stops.size(), Math.max(0, profile.maxStopSequences()));
            if (kept > 0) {
                ArrayNode stop = body.putArray("stop");
                stops.subList(0, kept).forEach(stop::add);
            }
            if (kept < stops.size()) {
                notes.add("sent " + kept + " of " + stops.size() + " stop sequences");
            }
        }
        if (sampling.temperature() != null && accepts(profile, "temperature", notes)) {
            body.put("temperature", sampling.temperature());
        }
        if (sampling.topP() != null && accepts(profile, "top_p", notes)) {
            body.put("top_p", sampling.topP());
        }
        if (sampling.topK() != null && accepts(profile, "top_k", notes)) {
            body.put("top_k", sampling.topK());
        }
    }

    private static boolean accepts(CommonCapabilities profile, String param, Notes notes) {
        if (profile.samplingParams().contains(param)) {
            return true;
        }
        notes.add("dropped " + param + ": the target does not accept it");
        return false;
    }

    /** OpenAI limits {@code user} to 64 characters; Claude Code sends a JSON string, so long ids are hashed. */
    private static String userId(String userId) {
        if (userId.length() <= MAX_USER_LENGTH) {
            return userId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
