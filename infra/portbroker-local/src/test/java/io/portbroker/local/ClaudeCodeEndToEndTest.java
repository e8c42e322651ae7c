package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Claude Code CLI (pinned, installed by {@code ./pb test}) completes a tool-using task through the
 * gateway against an OpenAI-compatible upstream: the model asks to Read a file, Claude Code runs the tool and
 * sends the result back, the model answers with what it read.
 */
class ClaudeCodeEndToEndTest {
    private static final String MARKER = "PORTBROKER-MARKER-7f3a";
    static GatewayFixture gw;

    @TempDir
    Path work;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.experimental.validate-streams", true));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Plays the model: ask for Read on the file when the Read tool is offered, answer once a tool result came. */
    private static Reply model(JsonNode request, Path file) {
        JsonNode messages = request.path("messages");
        JsonNode last = messages.get(messages.size() - 1);
        boolean offersRead = false;
        for (JsonNode tool : request.path("tools")) {
            offersRead |= "Read".equals(tool.path("function").path("name").asText());
        }
        if ("tool".equals(last.path("role").asText())) {
            String content = last.path("content").asText();
            String answer = content.contains(MARKER) ? "The file contains " + MARKER + "." : "I could not read it.";
            return new Replies.StreamBuilder()
                    .role()
                    .content(answer)
                    .finish("stop")
                    .usage(900, 12)
                    .done()
                    .build();
        }
        if (offersRead && request.path("stream").asBoolean()) {
            String args = "{\"file_path\":\"" + file.toString().replace("\\", "\\\\") + "\"}";
            return new Replies.StreamBuilder()
                    .role()
                    .content("I'll read the file.")
                    .toolStart(0, "call_read_1", "Read")
                    .toolArgs(0, args.substring(0, 10))
                    .toolArgs(0, args.substring(10))
                    .finish("tool_calls")
                    .usage(1200, 30)
                    .done()
                    .build();
        }
        // side requests (titles, summaries): a short plain answer in the shape asked for
        if (request.path("stream").asBoolean()) {
            return Replies.streamText(Duration.ZERO, "ok");
        }
        return Replies.completion("ok", List.of(), "stop");
    }

    @Test
    void claudeCode_shouldCompleteAToolRoundTrip_throughTheGateway() throws Exception {
        String bin = System.getProperty("portbroker.claude.bin", "");
        // ./pb test always installs the CLI and sets this; only a bare IDE run lacks it
        assumeTrue(!bin.isBlank(), "set -Dportbroker.claude.bin (./pb test does)");
        Path file = work.resolve("note.txt");
        Files.writeString(file, "secret note: " + MARKER + "\n");
        gw.upstream.script(req -> model(req, file));
        Path home = Files.createDirectories(work.resolve("home"));

        ProcessBuilder pb = new ProcessBuilder(
                        bin,
                        "-p",
                        "Read the file " + file + " and tell me the marker it contains.",
                        "--allowedTools",
                        "Read",
                        "--model",
                        "claude-sonnet-4-5",
                        "--output-format",
                        "text")
                .directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("ANTHROPIC_BASE_URL", gw.baseUrl());
        env.put("ANTHROPIC_API_KEY", gw.clientKey);
        env.put("HOME", home.toString());
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("DISABLE_ERROR_REPORTING", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("claude finished; output: %s", output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains(MARKER);
        List<FakeOpenAiUpstream.Recorded> calls = gw.upstream.requests();
        assertThat(calls)
                .as("the upstream received Claude Code's tool result as an OpenAI tool message")
                .anySatisfy(r -> assertThat(toolMessages(r.body()))
                        .anySatisfy(m -> assertThat(m).contains(MARKER)));
    }

    private static List<String> toolMessages(JsonNode body) {
        return body.path("messages").findParents("role").stream()
                .filter(m -> "tool".equals(m.path("role").asText()))
                .map(m -> m.path("content").toString())
                .toList();
    }
}
