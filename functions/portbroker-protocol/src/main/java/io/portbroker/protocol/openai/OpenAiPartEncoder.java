package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.util.List;

/**
 * Renders user-side blocks as Chat Completions content parts. Media the client sent itself and the target cannot
 * read is a 400 naming the limitation, never a silent drop; media returned by a tool (a screenshot, say) is
 * replaced by a visible placeholder instead, because it stays in the history and would fail every later turn.
 */
final class OpenAiPartEncoder {
    static final String NO_IMAGES = "[image omitted: the model does not accept images]";
    static final String NO_PDF = "[document omitted: the model does not accept PDF documents]";

    private final CommonCapabilities profile;
    private final Notes notes;

    OpenAiPartEncoder(CommonCapabilities profile, Notes notes) {
        this.profile = profile;
        this.notes = notes;
    }

    static ObjectNode text(String text) {
        return JsonNodeFactory.instance.objectNode().put("type", "text").put("text", text);
    }

    /**
     * Adds the part(s) for one block of a user turn.
     *
     * @throws InvalidRequestError when the block is an image or PDF the target cannot take
     */
    void userPart(ContentBlock block, List<JsonNode> parts) {
        switch (block) {
            case ContentBlock.Text t -> {
                if (!t.text().isEmpty()) {
                    parts.add(text(t.text()));
                }
            }
            case ContentBlock.Image image -> {
                if (!profile.vision()) {
                    throw new InvalidRequestError("image input is not supported by the target model");
                }
                parts.add(image(image.source()));
            }
            case ContentBlock.Document document -> {
                ObjectNode part = document(document);
                if (part != null) {
                    parts.add(part);
                }
            }
            default -> notes.add("dropped a block that cannot appear in a user turn");
        }
    }

    /**
     * The tool-message text for one block of a tool result, or null when the block is media that was added to
     * {@code followUp} (the user message sent right after the tool messages).
     */
    String toolResultPart(ContentBlock block, String toolUseId, List<JsonNode> followUp) {
        return switch (block) {
            case ContentBlock.Text t -> t.text();
            case ContentBlock.Document d when d.source() instanceof MediaSource.PlainText p -> documentText(d, p);
            case ContentBlock.Image image
            when profile.vision() -> {
                followUp.add(text("[image from tool result " + toolUseId + "]"));
                followUp.add(image(image.source()));
                yield null;
            }
            case ContentBlock.Image image -> {
                notes.add("replaced a tool-result image: the target does not accept images");
                yield NO_IMAGES;
            }
            case ContentBlock.Document d
            when profile.pdf() && d.source() instanceof MediaSource.Base64 b -> {
                followUp.add(text("[document from tool result " + toolUseId + "]"));
                followUp.add(pdf(d, b));
                yield null;
            }
            case ContentBlock.Document d -> {
                notes.add("replaced a tool-result PDF: the target cannot read it");
                yield NO_PDF;
            }
            default -> "";
        };
    }

    private static ObjectNode image(MediaSource source) {
        String url = switch (source) {
            case MediaSource.Base64 b -> "data:" + b.mediaType() + ";base64," + b.data();
            case MediaSource.Url u -> u.url();
            case MediaSource.PlainText p -> throw new InvalidRequestError("an image cannot have a text source");
        };
        ObjectNode part = JsonNodeFactory.instance.objectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    /** The part for a document the client sent, or null for an empty text document. */
    private ObjectNode document(ContentBlock.Document document) {
        return switch (document.source()) {
            case MediaSource.PlainText p -> {
                String text = documentText(document, p);
                yield text.isEmpty() ? null : text(text);
            }
            case MediaSource.Base64 b -> {
                if (!profile.pdf()) {
                    throw new InvalidRequestError("PDF documents are not supported by the target model");
                }
                yield pdf(document, b);
            }
            case MediaSource.Url u ->
                throw new InvalidRequestError(
                        "PDF documents by URL are not supported by OpenAI-compatible providers; send them as base64");
        };
    }

    private static ObjectNode pdf(ContentBlock.Document document, MediaSource.Base64 source) {
        ObjectNode part = JsonNodeFactory.instance.objectNode().put("type", "file");
        part.putObject("file")
                .put("filename", document.title() == null ? "document.pdf" : document.title())
                .put("file_data", "data:application/pdf;base64," + source.data());
        return part;
    }

    private static String documentText(ContentBlock.Document document, MediaSource.PlainText source) {
        return document.title() == null ? source.text() : document.title() + "\n\n" + source.text();
    }
}
