package io.portbroker.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.anthropic.AnthropicRequestDecoder;
import io.portbroker.protocol.ingress.openai.OpenAiChatRequestDecoder;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.testing.Requests;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestJsonTest {
    /** Over Jackson's default cap of 20,000,000 characters for one string; under the 32 MB body limit. */
    private static final int IMAGE_CHARS = 21_000_000;

    private static MediaSource.Base64 firstImage(NormalizedRequest request) {
        ContentBlock.Image image =
                (ContentBlock.Image) request.messages().get(0).content().get(0);
        return (MediaSource.Base64) image.source();
    }

    /** Built as a tree, not parsed: the test's own JSON reader keeps Jackson's default cap. */
    private static ArrayNode imageBlocks(String data) {
        ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
        ObjectNode image = blocks.addObject().put("type", "image");
        image.putObject("source")
                .put("type", "base64")
                .put("media_type", "image/png")
                .put("data", data);
        return blocks;
    }

    @Test
    void anthropicDecode_shouldKeepTheImage_whenItsBase64IsLongerThanJacksonsDefaultStringCap() {
        // given
        String data = "A".repeat(IMAGE_CHARS);
        byte[] body = Requests.messages("claude-sonnet-4-5")
                .userBlocks(imageBlocks(data))
                .bytes();

        // when
        NormalizedRequest request = new AnthropicRequestDecoder().decode(body, new Notes());

        // then
        assertThat(firstImage(request).data().length()).isEqualTo(IMAGE_CHARS);
    }

    @Test
    void openAiDecode_shouldKeepTheImage_whenItsDataUrlIsLongerThanJacksonsDefaultStringCap() {
        // given
        String url = "data:image/png;base64," + "A".repeat(IMAGE_CHARS);
        byte[] body = ("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                        + "\"image_url\":{\"url\":\"" + url + "\"}}]}]}")
                .getBytes(StandardCharsets.US_ASCII);

        // when
        NormalizedRequest request = new OpenAiChatRequestDecoder().decode(body, new Notes());

        // then
        assertThat(firstImage(request).data().length()).isEqualTo(IMAGE_CHARS);
    }
}
