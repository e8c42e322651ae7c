package io.portbroker.local.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the built portal from a directory and decides the caching of each file: Vite's content-hashed files under
 * {@code assets/} never change, so they are {@code immutable} for a year; {@code index.html} names the current
 * hashes, so it is {@code no-cache} and revalidated by a strong ETag. Paths leaving the directory and dot files are
 * never served.
 */
public final class PortalFiles {
    /** The strict policy of the portal's pages: only its own scripts, styles and API, never framed. */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    private final Path root;

    public PortalFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The answer for a path below {@code /portal/}.
     *
     * @param relative the path after {@code /portal/}, possibly empty
     * @param ifNoneMatch the request's {@code If-None-Match}, if any
     */
    public PortalAsset serve(String relative, Optional<String> ifNoneMatch) {
        Optional<Path> file = resolve(relative);
        boolean asset = relative.startsWith("assets/");
        if (file.isEmpty() && asset) {
            return notFound("no such asset");
        }
        Path target = file.orElse(root.resolve("index.html"));
        if (!Files.isRegularFile(target)) {
            return notFound(
                    "the portal is not built: run ./pb local, or npm --prefix portal ci && npm --prefix portal run build");
        }
        byte[] bytes = read(target);
        String name = target.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", TYPES.getOrDefault(ext, "application/octet-stream"));
        headers.put("x-content-type-options", "nosniff");
        if (asset) {
            headers.put("cache-control", IMMUTABLE);
            return new PortalAsset(200, headers, bytes);
        }
        String etag = "\"" + sha256(bytes) + "\"";
        headers.put("cache-control", "no-cache");
        headers.put("etag", etag);
        if ("html".equals(ext)) {
            headers.put("content-security-policy", CSP);
            headers.put("referrer-policy", "no-referrer");
            headers.put("x-frame-options", "DENY");
        }
        if (ifNoneMatch.map(v -> v.contains(etag)).orElse(false)) {
            return new PortalAsset(304, headers, new byte[0]);
        }
        return new PortalAsset(200, headers, bytes);
    }

    private Optional<Path> resolve(String relative) {
        if (relative.isEmpty() || relative.contains("\\") || relative.contains("\0")) {
            return Optional.empty();
        }
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return Optional.empty();
            }
        }
        Path candidate = root.resolve(relative).normalize();
        return candidate.startsWith(root) && Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static PortalAsset notFound(String message) {
        return new PortalAsset(
                404,
                Map.of("content-type", "text/plain; charset=utf-8", "cache-control", "no-store"),
                message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
