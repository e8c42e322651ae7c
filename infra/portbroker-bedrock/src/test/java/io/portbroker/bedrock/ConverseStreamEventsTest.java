package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.StreamEvent.BlockKind;
import io.portbroker.protocol.ir.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

class ConverseStreamEventsTest {
    private final List<StreamEvent> events = new ArrayList<>();
    private final ConverseStreamEvents mapper = new ConverseStreamEvents("msg_1", "claude-x", events::add);

    @Test
    void accept_shouldEmitIrEventsInOrder_whenTextThenToolUseThenMetadata() {
        mapper.accept(MessageStartEvent.builder().role("assistant").build());
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(0)
                .delta(d -> d.text("Hel"))
                .build());
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(0)
                .delta(d -> d.text("lo"))
                .build());
        mapper.accept(ContentBlockStopEvent.builder().contentBlockIndex(0).build());
        mapper.accept(ContentBlockStartEvent.builder()
                .contentBlockIndex(1)
                .start(s -> s.toolUse(u -> u.toolUseId("tu1").name("weather")))
                .build());
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(1)
                .delta(d -> d.toolUse(u -> u.input("{\"city\":")))
                .build());
        mapper.accept(ContentBlockStopEvent.builder().contentBlockIndex(1).build());
        mapper.accept(MessageStopEvent.builder().stopReason("tool_use").build());
        mapper.accept(ConverseStreamMetadataEvent.builder()
                .usage(u -> u.inputTokens(7).outputTokens(3).totalTokens(10))
                .build());
        mapper.complete();

        assertThat(events)
                .containsExactly(
                        new StreamEvent.MessageStart("msg_1", "claude-x", Usage.ZERO),
                        new StreamEvent.BlockStart(0, BlockKind.TEXT, null, null),
                        new StreamEvent.TextDelta(0, "Hel"),
                        new StreamEvent.TextDelta(0, "lo"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.BlockStart(1, BlockKind.TOOL_USE, "tu1", "weather"),
                        new StreamEvent.ToolArgsDelta(1, "{\"city\":"),
                        new StreamEvent.BlockStop(1),
                        new StreamEvent.Finish(StopReason.TOOL_USE, null, new Usage(7, 3, 0, 0)));
    }

    @Test
    void complete_shouldCloseOpenBlocksAndFinish_whenTheMessageStoppedButNoMetadataCame() {
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(0)
                .delta(d -> d.reasoningContent(r -> r.text("hmm")))
                .build());
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(0)
                .delta(d -> d.reasoningContent(r -> r.signature("sig")))
                .build());
        mapper.accept(ContentBlockStopEvent.builder().contentBlockIndex(5).build());
        mapper.accept(ContentBlockDeltaEvent.builder().contentBlockIndex(1).build());
        mapper.accept(software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent.builder()
                .stopReason("end_turn")
                .build());
        mapper.complete();
        mapper.complete();

        assertThat(events)
                .containsExactly(
                        new StreamEvent.BlockStart(0, BlockKind.THINKING, null, null),
                        new StreamEvent.ThinkingDelta(0, "hmm"),
                        new StreamEvent.SignatureDelta(0, "sig"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.Finish(StopReason.END_TURN, null, Usage.ZERO));
    }

    @Test
    void complete_shouldEmitNoFinish_whenTheStreamEndedBeforeTheMessageStopped() {
        mapper.accept(ContentBlockDeltaEvent.builder()
                .contentBlockIndex(0)
                .delta(d -> d.text("Hel"))
                .build());
        mapper.complete();

        // a cut stream: the reader reports it instead of a made-up end_turn
        assertThat(events)
                .containsExactly(
                        new StreamEvent.BlockStart(0, BlockKind.TEXT, null, null), new StreamEvent.TextDelta(0, "Hel"));
    }
}
