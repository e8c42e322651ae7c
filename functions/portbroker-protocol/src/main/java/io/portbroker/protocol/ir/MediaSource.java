package io.portbroker.protocol.ir;

/** Where the bytes of an image or document come from. */
public sealed interface MediaSource {

    /** Inline data: {@code mediaType} such as {@code image/png} or {@code application/pdf}. */
    record Base64(String mediaType, String data) implements MediaSource {}

    /** A URL the provider fetches itself. */
    record Url(String url) implements MediaSource {}

    /** Plain text (text documents). */
    record PlainText(String text) implements MediaSource {}
}
