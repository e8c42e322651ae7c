package io.portbroker.bedrock;

import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Tool;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock.Builder;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ImageBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Builds a Converse request from the IR: system text, text/image/tool-use/tool-result turns, custom tools,
 * tool choice and the inference configuration (max tokens, temperature, top_p, stop sequences). Thinking blocks
 * and server tools have no Converse equivalent here and are dropped; images must be inline base64.
 */
public final class ConverseRequests {
    private ConverseRequests() {}

    /**
     * The Converse request for {@code modelId}.
     *
     * @throws InvalidRequestError for an image given by URL or in a format Converse does not accept
     */
    public static ConverseRequest toConverse(NormalizedRequest request, String modelId) {
        ConverseRequest.Builder b = ConverseRequest.builder()
                .modelId(modelId)
                .messages(messages(request))
                .inferenceConfig(inference(request));
        if (!request.system().isEmpty()) {
            b.system(request.system().stream()
                    .map(t -> SystemContentBlock.builder().text(t.text()).build())
                    .toList());
        }
        ToolConfiguration tools = tools(request);
        if (tools != null) {
            b.toolConfig(tools);
        }
        return b.build();
    }

    static InferenceConfiguration inference(NormalizedRequest request) {
        InferenceConfiguration.Builder b = InferenceConfiguration.builder().maxTokens(request.maxTokens());
        var s = request.sampling();
        if (s.temperature() != null) {
            b.temperature(s.temperature().floatValue());
        }
        if (s.topP() != null) {
            b.topP(s.topP().floatValue());
        }
        if (!s.stopSequences().isEmpty()) {
            b.stopSequences(s.stopSequences());
        }
        return b.build();
    }

    static ToolConfiguration tools(NormalizedRequest request) {
        List<software.amazon.awssdk.services.bedrockruntime.model.Tool> specs = new ArrayList<>();
        for (Tool tool : request.tools()) {
            if (tool instanceof Tool.Custom c) {
                ToolSpecification.Builder spec = ToolSpecification.builder()
                        .name(c.name())
                        .inputSchema(in -> in.json(JsonDocuments.toDocument(c.inputSchema())));
                if (c.description() != null && !c.description().isBlank()) {
                    spec.description(c.description());
                }
                specs.add(software.amazon.awssdk.services.bedrockruntime.model.Tool.builder()
                        .toolSpec(spec.build())
                        .build());
            }
        }
        if (specs.isEmpty() || request.toolChoice() instanceof io.portbroker.protocol.ir.ToolChoice.None) {
            return null;
        }
        ToolConfiguration.Builder b = ToolConfiguration.builder().tools(specs);
        switch (request.toolChoice()) {
            case io.portbroker.protocol.ir.ToolChoice.Any a -> b.toolChoice(t -> t.any(x -> {}));
            case io.portbroker.protocol.ir.ToolChoice.Named n -> b.toolChoice(t -> t.tool(x -> x.name(n.name())));
            case null, default -> b.toolChoice(t -> t.auto(x -> {}));
        }
        return b.build();
    }

    static List<software.amazon.awssdk.services.bedrockruntime.model.Message> messages(NormalizedRequest request) {
        List<software.amazon.awssdk.services.bedrockruntime.model.Message> out = new ArrayList<>();
        for (Message m : request.messages()) {
            List<software.amazon.awssdk.services.bedrockruntime.model.ContentBlock> blocks = new ArrayList<>();
            for (ContentBlock block : m.content()) {
                var converted = block(block);
                if (converted != null) {
                    blocks.add(converted);
                }
            }
            if (blocks.isEmpty()) {
                continue;
            }
            out.add(software.amazon.awssdk.services.bedrockruntime.model.Message.builder()
                    .role(m.role() == Role.ASSISTANT ? ConversationRole.ASSISTANT : ConversationRole.USER)
                    .content(blocks)
                    .build());
        }
        return out;
    }

    private static software.amazon.awssdk.services.bedrockruntime.model.ContentBlock block(ContentBlock block) {
        Builder b = software.amazon.awssdk.services.bedrockruntime.model.ContentBlock.builder();
        switch (block) {
            case ContentBlock.Text t -> b.text(t.text());
            case ContentBlock.Image i -> b.image(image(i.source()));
            case ContentBlock.ToolUse u ->
                b.toolUse(ToolUseBlock.builder()
                        .toolUseId(u.id())
                        .name(u.name())
                        .input(JsonDocuments.toDocument(u.input()))
                        .build());
            case ContentBlock.ToolResult r -> b.toolResult(toolResult(r));
            default -> {
                return null;
            }
        }
        return b.build();
    }

    private static ToolResultBlock toolResult(ContentBlock.ToolResult r) {
        List<ToolResultContentBlock> content = new ArrayList<>();
        for (ContentBlock c : r.content()) {
            if (c instanceof ContentBlock.Text t) {
                content.add(ToolResultContentBlock.builder().text(t.text()).build());
            } else if (c instanceof ContentBlock.Image i) {
                content.add(ToolResultContentBlock.builder()
                        .image(image(i.source()))
                        .build());
            }
        }
        if (content.isEmpty()) {
            content.add(ToolResultContentBlock.builder().text("").build());
        }
        return ToolResultBlock.builder()
                .toolUseId(r.toolUseId())
                .content(content)
                .status(r.isError() ? ToolResultStatus.ERROR : ToolResultStatus.SUCCESS)
                .build();
    }

    static ImageBlock image(MediaSource source) {
        if (!(source instanceof MediaSource.Base64 b64)) {
            throw new InvalidRequestError("Bedrock Converse accepts only inline (base64) images, not image URLs");
        }
        String type = b64.mediaType() == null ? "" : b64.mediaType().toLowerCase(Locale.ROOT);
        ImageFormat format = ImageFormat.fromValue(type.startsWith("image/") ? type.substring(6) : type);
        if (format == null || format == ImageFormat.UNKNOWN_TO_SDK_VERSION) {
            throw new InvalidRequestError("Bedrock Converse does not accept image type " + b64.mediaType());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64.data());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("image data is not valid base64");
        }
        return ImageBlock.builder()
                .format(format)
                .source(s -> s.bytes(SdkBytes.fromByteArrayUnsafe(bytes)))
                .build();
    }
}
