package io.portbroker.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.metrics.InMemoryMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cache-hit potential: repeats of the same caller's same request, within a bounded memory of recent ones. */
class RepeatSketchTest {
    private final InMemoryMetrics metrics = new InMemoryMetrics();

    private record Req(String model, List<String> turns) {}

    @Test
    void observe_shouldCountARepeat_whenTheSameCallerSendsAnEqualRequest() {
        RepeatSketch sketch = new RepeatSketch(metrics, 100);

        assertThat(sketch.observe("k1", new Req("m", List.of("hi")))).isFalse();
        assertThat(sketch.observe("k1", new Req("m", List.of("hi")))).isTrue();
        assertThat(sketch.observe("k2", new Req("m", List.of("hi"))))
                .as("another caller")
                .isFalse();
        assertThat(sketch.observe("k1", new Req("m", List.of("other")))).isFalse();

        assertThat(metrics.counterTotal(RepeatSketch.LOOKUPS)).isEqualTo(4);
        assertThat(metrics.counterTotal(RepeatSketch.REPEATS)).isEqualTo(1);
    }

    @Test
    void observe_shouldForgetTheLeastRecent_whenOverCapacity() {
        RepeatSketch sketch = new RepeatSketch(metrics, 2);
        sketch.observe(null, new Req("a", List.of()));
        sketch.observe(null, new Req("b", List.of()));
        sketch.observe(null, new Req("c", List.of()));

        assertThat(sketch.observe(null, new Req("a", List.of())))
                .as("a was dropped")
                .isFalse();
        assertThat(sketch.observe(null, new Req("c", List.of()))).isTrue();
    }
}
