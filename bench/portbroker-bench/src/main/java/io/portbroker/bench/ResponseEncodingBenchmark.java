package io.portbroker.bench;

import io.portbroker.protocol.anthropic.AnthropicRequestDecoder;
import io.portbroker.protocol.anthropic.AnthropicResponseEncoder;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.OpenAiResponseDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A non-streamed OpenAI answer (reasoning, text and three tool calls) through OpenAiResponseDecoder and
 * AnthropicResponseEncoder; average time per answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ResponseEncodingBenchmark {
    private final OpenAiResponseDecoder decoder = new OpenAiResponseDecoder();
    private final AnthropicResponseEncoder encoder = new AnthropicResponseEncoder();
    private byte[] upstream;
    private NormalizedRequest request;

    @Setup
    public void setup() {
        upstream = BenchFixtures.resource("openai-response-reasoning-text-tools.json");
        request = new AnthropicRequestDecoder()
                .decode(BenchFixtures.resource("anthropic-request-two-tools.json"), new Notes());
    }

    @Benchmark
    public byte[] translate() {
        return encoder.encode(decoder.decode(upstream, request, "msg_bench", BenchFixtures.SIGNATURES));
    }
}
