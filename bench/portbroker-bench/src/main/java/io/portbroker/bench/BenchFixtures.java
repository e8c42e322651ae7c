package io.portbroker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.MaxTokensField;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningPassback;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningStyle;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Inputs shared by the benchmarks: resources under {@code fixtures/}, a signing key and a DeepSeek profile. */
final class BenchFixtures {
    /** A fixed key: signatures must be real HMACs, as in production, but need not be secret here. */
    static final HmacThinkingSignatures SIGNATURES =
            new HmacThinkingSignatures("portbroker-bench-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private BenchFixtures() {}

    /** The bytes of {@code fixtures/<name>} on the class path. */
    static byte[] resource(String name) {
        try (InputStream in = BenchFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing bench fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body of the Claude Code capture (the capture wraps it with method, path and headers). */
    static byte[] claudeCodeRequestBody() {
        try {
            JsonNode capture = new ObjectMapper().readTree(resource("claude-code-2.1.328-request.json"));
            return capture.path("body").toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DeepSeek in thinking mode, as in the protocol module's {@code translation/profiles.json}. */
    static CapabilityProfile deepSeekProfile() {
        return CapabilityProfile.of(
                new CommonCapabilities(32_768, Set.of("temperature", "top_p"), false, false, 16),
                new OpenAiChatCapabilities(
                        MaxTokensField.MAX_TOKENS,
                        Set.of("auto", "required", "none", "function"),
                        false,
                        ReasoningStyle.DEEPSEEK,
                        ReasoningPassback.REASONING_CONTENT,
                        true,
                        Set.of("$schema"),
                        true));
    }
}
