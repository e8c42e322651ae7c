package io.portbroker.bench;

import io.portbroker.protocol.anthropic.AnthropicSseEncoder;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.openai.OpenAiStreamDecoder;
import io.portbroker.protocol.sse.SseReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Upstream SSE bytes to client SSE bytes: SseReader, OpenAiStreamDecoder and AnthropicSseEncoder over a prebuilt
 * 1,000-chunk OpenAI stream (text, then one tool call with streamed arguments, finish and usage). With
 * {@code @OperationsPerInvocation(1000)} the reported ops/s are upstream chunks per second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamTranslationBenchmark {
    static final int CHUNKS = 1000;
    private static final int READ_SIZE = 16 * 1024;

    private byte[] upstream;
    private NormalizedRequest request;
    private final ThinkingSignatures signatures = new ThinkingSignatures() {
        @Override
        public String sign(String thinking) {
            return Integer.toHexString(thinking.hashCode());
        }

        @Override
        public boolean isOurs(String thinking, String signature) {
            return sign(thinking).equals(signature);
        }
    };

    /** Counts bytes so the work cannot be optimised away, and otherwise discards them. */
    static final class CountingSink implements ByteSink {
        long bytes;

        @Override
        public void write(byte[] frame) {
            bytes += frame.length;
        }
    }

    @Setup
    public void setup() {
        request = new NormalizedRequest(
                "claude-sonnet-4-5",
                List.of(),
                List.of(),
                List.of(new Tool.Custom("write_file", "", null, null)),
                null,
                4096,
                null,
                null,
                null,
                null,
                true);
        upstream = buildStream().getBytes(StandardCharsets.UTF_8);
    }

    static String buildStream() {
        String head = "data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764150000,"
                + "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_07871e2ad8\",\"choices\":[{\"index\":0,"
                + "\"delta\":";
        String tail = ",\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n";
        StringBuilder sb = new StringBuilder(CHUNKS * 260);
        int textChunks = 500;
        for (int i = 0; i < textChunks; i++) {
            sb.append(head)
                    .append("{\"content\":\"word ")
                    .append(i)
                    .append(" and some more text\"}")
                    .append(tail);
        }
        sb.append(head)
                .append("{\"tool_calls\":[{\"index\":0,\"id\":\"call_bench\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"write_file\",\"arguments\":\"{\\\"content\\\":\\\"\"}}]}")
                .append(tail);
        int argChunks = CHUNKS - textChunks - 3;
        for (int i = 0; i < argChunks; i++) {
            sb.append(head)
                    .append("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"line ")
                    .append(i)
                    .append(" of the file\\\\n\"}}]}")
                    .append(tail);
        }
        sb.append(head)
                .append("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"}\"}}]}")
                .append(tail);
        sb.append(head.replace("\"delta\":", "\"delta\":{}"))
                .append(",\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],\"usage\":null}\n\n");
        sb.append("data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764150000,"
                + "\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":1200,\"completion_tokens\":900,"
                + "\"total_tokens\":2100,\"prompt_tokens_details\":{\"cached_tokens\":1024}}}\n\n");
        sb.append("data: [DONE]\n\n");
        return sb.toString();
    }

    @Benchmark
    @OperationsPerInvocation(CHUNKS)
    public long translate() {
        CountingSink sink = new CountingSink();
        OpenAiStreamDecoder decoder =
                new OpenAiStreamDecoder(request, "msg_bench", new AnthropicSseEncoder(sink), signatures, 1000);
        SseReader reader = new SseReader((event, data) -> decoder.onData(data));
        for (int off = 0; off < upstream.length; off += READ_SIZE) {
            reader.feed(upstream, off, Math.min(READ_SIZE, upstream.length - off));
        }
        reader.finish();
        decoder.onEnd();
        if (!decoder.isDone()) {
            throw new IllegalStateException("benchmark stream did not finish");
        }
        return sink.bytes;
    }
}
