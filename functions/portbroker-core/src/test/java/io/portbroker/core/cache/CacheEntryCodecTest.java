package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheEntryCodecTest {
    private static final NormalizedResponse RICH = new NormalizedResponse(
            "msg_9",
            "claude-sonnet-4-5",
            List.of(
                    new ContentBlock.Thinking("let me think… ✓", "sig"),
                    new ContentBlock.Text(
                            "héllo wörld, this is a longer answer that spans more than one chunk of text"),
                    new ContentBlock.ToolUse(
                            "toolu_1",
                            "get_weather",
                            new ObjectMapper().createObjectNode().put("city", "Oslo")),
                    new ContentBlock.RedactedThinking("opaque")),
            StopReason.TOOL_USE,
            null,
            new Usage(100, 20, 3, 4));

    private static CacheEntry entry(NormalizedResponse r, List<StreamEvent> events) {
        return new CacheEntry(
                "a".repeat(64),
                "claude-*",
                "fake",
                Instant.parse("2026-03-01T10:00:00Z"),
                Instant.parse("2026-03-01T10:05:00Z"),
                1234,
                0.0042,
                r,
                events);
    }

    @Test
    void decode_shouldReturnTheSameEntry_whenEncoded() {
        CacheEntry e = entry(RICH, List.of());
        assertThat(CacheEntryCodec.decode(CacheEntryCodec.encode(e))).isEqualTo(e);
    }

    @Test
    void decode_shouldKeepARecordedStream_eventForEvent() {
        NormalizedResponse plain = CacheFixtures.answer("hi", StopReason.END_TURN);
        List<StreamEvent> events = StreamReplay.derive(RICH.content().size() > 0 ? withoutRedacted() : plain);
        CacheEntry e = entry(withoutRedacted(), events);

        CacheEntry back = CacheEntryCodec.decode(CacheEntryCodec.encode(e));

        assertThat(back.events()).isEqualTo(events);
        assertThat(StreamRecorder.assemble(back.events())).isEqualTo(withoutRedacted());
    }

    @Test
    void decode_shouldRefuse_whenTheBytesAreDamagedOrAnotherVersion() {
        byte[] good = CacheEntryCodec.encode(entry(RICH, List.of()));
        String json = new String(good, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CacheEntryCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptEntryException.class);
        assertThatThrownBy(() -> CacheEntryCodec.decode(
                        json.replace("\"v\":1", "\"v\":2").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("unknown entry version");
        assertThatThrownBy(() -> CacheEntryCodec.decode(
                        json.replace("\"response\"", "\"gone\"").getBytes(StandardCharsets.UTF_8)))
                .hasMessage("incomplete entry");
        assertThatThrownBy(() -> CacheEntryCodec.decode(
                        json.replace("\"t\":\"text\"", "\"t\":\"video\"").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptEntryException.class);
        assertThatThrownBy(() -> CacheEntryCodec.decode("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CorruptEntryException.class);
    }

    @Test
    void replay_shouldProduceAValidAnthropicStream_inChunks() {
        ByteArrayOutputStream sse = new ByteArrayOutputStream();
        var encoder = CacheFixtures.ANTHROPIC.newStreamEncoder(sse::writeBytes);

        StreamReplay.replay(entry(RICH, List.of()), encoder);

        String text = sse.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("event: message_start").contains("event: message_stop");
        assertThat(text.split("event: content_block_delta").length - 1).isGreaterThan(4);
    }

    @Test
    void chunks_shouldNeverSplitASurrogatePair() {
        String emoji = "😀".repeat(StreamReplay.CHUNK + 3);
        List<String> chunks = StreamReplay.chunks(emoji);
        assertThat(chunks).hasSize(2);
        assertThat(String.join("", chunks)).isEqualTo(emoji);
        assertThat(chunks.getFirst().codePointCount(0, chunks.getFirst().length()))
                .isEqualTo(StreamReplay.CHUNK);
    }

    @Test
    void recorder_shouldRefuse_whenTheStreamErroredOrNeverFinished() {
        StreamRecorder errored = new StreamRecorder();
        StreamReplay.derive(CacheFixtures.answer("x", StopReason.END_TURN)).stream()
                .limit(3)
                .forEach(errored::record);
        errored.record(new StreamEvent.Error(io.portbroker.error.ErrorCategory.PROVIDER_SERVER, "lost"));
        StreamRecorder unfinished = new StreamRecorder();
        StreamReplay.derive(CacheFixtures.answer("x", StopReason.END_TURN)).stream()
                .limit(3)
                .forEach(unfinished::record);
        StreamRecorder broken = new StreamRecorder();
        broken.record(new StreamEvent.MessageStart("m", "x", Usage.ZERO));
        broken.record(new StreamEvent.BlockStop(0));
        broken.record(new StreamEvent.Finish(StopReason.END_TURN, null, Usage.ZERO));

        assertThat(errored.result()).isEmpty();
        assertThat(unfinished.result()).isEmpty();
        assertThat(broken.result()).isEmpty();
    }

    @Test
    void recorder_shouldParseToolArguments_andDefaultEmptyOnesToAnObject() {
        StreamRecorder r = new StreamRecorder();
        List.of(
                        new StreamEvent.MessageStart("m", "x", Usage.ZERO),
                        new StreamEvent.BlockStart(0, StreamEvent.BlockKind.TOOL_USE, "t1", "f"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.BlockStart(1, StreamEvent.BlockKind.TOOL_USE, "t2", "g"),
                        new StreamEvent.ToolArgsDelta(1, "{\"a\":"),
                        new StreamEvent.ToolArgsDelta(1, "1}"),
                        new StreamEvent.BlockStop(1),
                        new StreamEvent.Finish(StopReason.TOOL_USE, null, Usage.ZERO))
                .forEach(r::record);

        var content = r.result().orElseThrow().response().content();
        assertThat(((ContentBlock.ToolUse) content.get(0)).input().toString()).isEqualTo("{}");
        assertThat(((ContentBlock.ToolUse) content.get(1)).input().get("a").asInt())
                .isEqualTo(1);
    }

    private static NormalizedResponse withoutRedacted() {
        return new NormalizedResponse(
                RICH.id(), RICH.model(), RICH.content().subList(0, 3), RICH.stopReason(), null, RICH.usage());
    }
}
