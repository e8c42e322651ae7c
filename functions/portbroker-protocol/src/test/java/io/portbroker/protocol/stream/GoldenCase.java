package io.portbroker.protocol.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.testing.IrRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One folder under {@code streams/}: {@code request.json} ({@code model}, {@code tools} by name,
 * {@code input_tokens_estimate}), {@code upstream.sse} as the provider sent it, {@code expected.sse} as the
 * client must receive it.
 */
record GoldenCase(
        String name, NormalizedRequest request, long inputEstimate, byte[] upstream, String expected, Path dir) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static GoldenCase load(Path dir) throws IOException {
        JsonNode spec = JSON.readTree(dir.resolve("request.json").toFile());
        List<Tool> tools = new ArrayList<>();
        spec.path("tools").forEach(t -> tools.add(new Tool.Custom(t.asText(), "", JSON.createObjectNode(), null)));
        NormalizedRequest request = IrRequests.request(spec.path("model").asText()).tools(tools).maxTokens(1024).stream(
                        true)
                .build();
        Path expected = dir.resolve("expected.sse");
        return new GoldenCase(
                dir.getFileName().toString(),
                request,
                spec.path("input_tokens_estimate").asLong(),
                Files.readAllBytes(dir.resolve("upstream.sse")),
                Files.exists(expected) ? Files.readString(expected) : "",
                dir);
    }

    @Override
    public String toString() {
        return name;
    }
}
