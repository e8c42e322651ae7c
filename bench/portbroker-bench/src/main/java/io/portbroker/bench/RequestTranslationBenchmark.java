package io.portbroker.bench;

import io.portbroker.protocol.anthropic.AnthropicRequestDecoder;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.OpenAiRequestEncoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One Claude Code request (the 2.1.328 capture, about 12 KB: system prompt, tools, thinking, history) through
 * AnthropicRequestDecoder and OpenAiRequestEncoder for a DeepSeek thinking-mode target; average time per request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestTranslationBenchmark {
    private final AnthropicRequestDecoder decoder = new AnthropicRequestDecoder();
    private final OpenAiRequestEncoder encoder = new OpenAiRequestEncoder();
    private byte[] body;
    private UpstreamTarget target;

    @Setup
    public void setup() {
        body = BenchFixtures.claudeCodeRequestBody();
        target = new UpstreamTarget("deepseek-reasoner", BenchFixtures.deepSeekProfile());
    }

    @Benchmark
    public byte[] translate() {
        Notes notes = new Notes();
        NormalizedRequest request = decoder.decode(body, notes);
        return encoder.encode(request, target, BenchFixtures.SIGNATURES, notes);
    }
}
