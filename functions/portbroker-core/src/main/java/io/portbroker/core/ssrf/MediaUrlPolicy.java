package io.portbroker.core.ssrf;

import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Vets the URLs of client {@code image} and {@code document} blocks ({@code source.type: "url"}), which providers
 * fetch themselves: only {@code https:} (and {@code http:} when the operator allows it), no credentials in the
 * URL, and a host whose every address is public (checked by the same address rules as provider base URLs, so a
 * self-hosted provider inside a VPC cannot be made to fetch {@code 169.254.169.254} or {@code file:} paths).
 * Every provider profile forwards URLs unchanged after this check; none fetches and inlines them. Thread-safe.
 */
public final class MediaUrlPolicy {
    private final UrlPolicy addresses;
    private final boolean allowPlainHttp;

    /**
     * @param addresses the address rules (its allow-lists apply to media hosts too)
     * @param allowPlainHttp accept {@code http:} media URLs as well as {@code https:}
     */
    public MediaUrlPolicy(UrlPolicy addresses, boolean allowPlainHttp) {
        this.addresses = addresses;
        this.allowPlainHttp = allowPlainHttp;
    }

    /**
     * Checks every media URL of the request, tool results included.
     *
     * @throws InvalidRequestError naming the rule that failed (never echoing the URL)
     */
    public void check(NormalizedRequest request) {
        for (Message message : request.messages()) {
            checkBlocks(message.content());
        }
    }

    private void checkBlocks(List<ContentBlock> blocks) {
        for (ContentBlock block : blocks) {
            switch (block) {
                case ContentBlock.Image image -> checkSource(image.source(), "image");
                case ContentBlock.Document document -> checkSource(document.source(), "document");
                case ContentBlock.ToolResult result -> checkBlocks(result.content());
                default -> {
                    // text, tool calls and thinking carry no URL a provider fetches
                }
            }
        }
    }

    private void checkSource(MediaSource source, String kind) {
        if (source instanceof MediaSource.Url(String url)) {
            checkUrl(url, kind);
        }
    }

    private void checkUrl(String url, String kind) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw refused(kind, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !(allowPlainHttp && "http".equals(scheme))) {
            throw refused(kind, allowPlainHttp ? "must be an http(s) URL" : "must be an https URL");
        }
        String rawAuthority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (rawAuthority != null && rawAuthority.indexOf('@') >= 0)) {
            throw refused(kind, "must not contain credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused(kind, "must have a host name or public address");
        }
        try {
            addresses.checkAddresses(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused(kind, "host does not resolve");
        } catch (ForbiddenAddressException | IllegalArgumentException e) {
            throw refused(kind, "points to a non-public address");
        }
    }

    private static InvalidRequestError refused(String kind, String rule) {
        return new InvalidRequestError(kind + " source.url " + rule);
    }
}
