package io.portbroker.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Tool;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RoutingRecordsTest {

    @Test
    void of_shouldReadToolsImagesDocumentsAndSize_whenTheRequestCarriesThem() {
        // given
        var input = JsonNodeFactory.instance.objectNode().put("q", "x");
        List<ContentBlock> blocks = List.of(
                new ContentBlock.Text("x".repeat(400)),
                new ContentBlock.Image(null),
                new ContentBlock.Document(null, "doc"),
                new ContentBlock.ToolUse("t1", "lookup", input),
                new ContentBlock.ToolResult("t1", List.of(new ContentBlock.Text("y".repeat(40))), false),
                new ContentBlock.Thinking("z".repeat(40), "sig"),
                new ContentBlock.RedactedThinking("opaque"));
        NormalizedRequest request = new NormalizedRequest(
                "m",
                List.of(new ContentBlock.Text("s".repeat(40))),
                List.of(new Message(Role.USER, blocks)),
                List.of(new Tool.Custom("lookup", "d", input, null)),
                null,
                256,
                null,
                null,
                null,
                null,
                false);

        // when
        RequestNeeds needs = RequestNeeds.of(request);

        // then
        assertThat(needs.tools()).isTrue();
        assertThat(needs.images()).isTrue();
        assertThat(needs.documents()).isTrue();
        assertThat(needs.estimatedInputTokens())
                .isEqualTo((40 + 400 + input.toString().length() + 40 + 40) / 4);
        assertThat(needs.maxOutputTokens()).isEqualTo(256);
    }

    @Test
    @Tag("error-path")
    void hedgePolicy_shouldRejectANonPositiveDelay_andDefaultWhenNull() {
        assertThatThrownBy(() -> HedgePolicy.after(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HedgePolicy(true, null, false).delay()).isEqualTo(HedgePolicy.DEFAULT_DELAY);
        assertThat(new ModelRoute("m", List.of(), "priority", true, null).hedge())
                .isEqualTo(HedgePolicy.off());
    }

    @Test
    void pricing_shouldCostACall_andRejectNegativePrices() {
        assertThat(new ProviderConfig.Pricing(1, 4).cost(1_000_000, 500_000)).isEqualTo(3.0);
        assertThatThrownBy(() -> new ProviderConfig.Pricing(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProviderConfig.Pricing(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void latencyTracker_shouldAverageAndReportP95_onlyWithEnoughSamples() {
        LatencyTracker t = new LatencyTracker(0.5, 20);
        assertThat(t.averageMillis("a")).isEmpty();
        t.record("a", Duration.ofMillis(100));
        t.record("a", Duration.ofMillis(300));
        assertThat(t.averageMillis("a")).hasValue(200);
        assertThat(t.p95Millis("a")).isEmpty();
        assertThat(t.p95Millis("b")).isEmpty();
        for (int i = 1; i <= 40; i++) {
            t.record("b", Duration.ofMillis(i));
        }
        assertThat(t.p95Millis("b")).as("the window keeps 21..40").hasValue(39);
        assertThatThrownBy(() -> new LatencyTracker(0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyTracker(0.5, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
