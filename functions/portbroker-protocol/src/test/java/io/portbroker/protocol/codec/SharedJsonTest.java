package io.portbroker.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedJsonTest {

    @Test
    void mappers_shouldTakeBuffersFromTheSharedPool_notOnePerThread() {
        // a per-thread pool never reuses a buffer on virtual threads: one new thread per request
        assertThat(SharedJson.MAPPER.getFactory()._getRecyclerPool())
                .isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
        assertThat(RequestJson.MAPPER.getFactory()._getRecyclerPool())
                .isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
    }

    @Test
    void writeAndRead_shouldKeepEveryDocumentIntact_whenManyVirtualThreadsShareTheBuffers() throws Exception {
        // given: documents large enough to fill the pooled buffers, each different
        List<String> texts = IntStream.range(0, 300)
                .mapToObj(i -> ("message " + i + " ").repeat(200 + i))
                .toList();
        ConcurrentHashMap<Integer, String> roundTripped = new ConcurrentHashMap<>();

        // when
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < texts.size(); i++) {
                int n = i;
                threads.submit(() -> {
                    byte[] written = SharedJson.MAPPER.writeValueAsBytes(
                            SharedJson.MAPPER.createObjectNode().put("n", n).put("text", texts.get(n)));
                    JsonNode read = RequestJson.MAPPER.readTree(new String(written, StandardCharsets.UTF_8));
                    roundTripped.put(read.get("n").asInt(), read.get("text").asText());
                    return null;
                });
            }
        }

        // then
        assertThat(roundTripped).hasSize(texts.size());
        IntStream.range(0, texts.size())
                .forEach(i -> assertThat(roundTripped.get(i)).isEqualTo(texts.get(i)));
    }
}
