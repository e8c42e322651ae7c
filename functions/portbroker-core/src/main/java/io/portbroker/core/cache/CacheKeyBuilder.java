package io.portbroker.core.cache;

import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the cache key: sha256 over a canonical serialization of everything that can change the answer — the
 * normalized prompt (system and turns; whitespace runs collapsed, Unicode NFC), tools sorted by name with the
 * hash of their schema and description, tool_choice, the model as asked and the resolved route's version, the
 * temperature bucket, top_p, top_k, seed (when set), stop sequences, max_tokens, thinking, the requested output schema, digests
 * of image and document bytes, the namespace versions and the tenant scope. The {@code stream} flag is not part
 * of it: streamed and whole answers share an entry.
 */
public final class CacheKeyBuilder {
    /** Version of the serialization below; bump it whenever the form changes, so old keys simply miss. */
    static final int FORMAT = 1;

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern NUMBERS = Pattern.compile("\\d+(?:[.,:/-]\\d+)*");

    private final boolean placeholderNumbers;

    /**
     * @param placeholderNumbers replace every number and date in the prompt by {@code #} before hashing — lossy
     *     (prompts differing only in a number share an answer), so off unless a route's prompts are templates
     */
    public CacheKeyBuilder(boolean placeholderNumbers) {
        this.placeholderNumbers = placeholderNumbers;
    }

    /**
     * What besides the request goes into the key.
     *
     * @param tenant the tenant scope: the key id, or {@code shared} when the route opts into a shared namespace
     * @param route the matched route pattern
     * @param routeVersion fingerprint of the resolved route and its providers ({@link RouteFingerprint})
     * @param namespaces namespace versions that apply (global, route, model, providers)
     */
    public record Scope(String tenant, String route, String routeVersion, Map<String, String> namespaces) {
        public Scope {
            namespaces = Map.copyOf(namespaces);
        }
    }

    /** The key of {@code request} in {@code scope}. */
    public CacheKey build(NormalizedRequest request, Scope scope) {
        return new CacheKey(Hashing.sha256(canonical(request, scope)), scope.route(), request.model());
    }

    /** The canonical text that is hashed (visible for the golden tests). */
    String canonical(NormalizedRequest r, Scope scope) {
        CanonicalJson j = new CanonicalJson().raw("{");
        j.field("v").number(FORMAT).raw(",");
        j.field("tenant").string(scope.tenant()).raw(",");
        j.field("ns").strings(scope.namespaces()).raw(",");
        j.field("model").string(r.model()).raw(",");
        j.field("route").string(scope.route()).raw(",");
        j.field("route_version").string(scope.routeVersion()).raw(",");
        j.field("system").raw("[");
        for (int i = 0; i < r.system().size(); i++) {
            j.raw(i > 0 ? "," : "").string(text(r.system().get(i).text()));
        }
        j.raw("],").field("messages").raw("[");
        for (int i = 0; i < r.messages().size(); i++) {
            Message m = r.messages().get(i);
            j.raw(i > 0 ? ",{" : "{").field("role").string(m.role().name()).raw(",");
            j.field("content");
            blocks(j, m.content());
            j.raw("}");
        }
        j.raw("],").field("tools").raw("[");
        List<Tool> tools =
                r.tools().stream().sorted(Comparator.comparing(Tool::name)).toList();
        for (int i = 0; i < tools.size(); i++) {
            j.raw(i > 0 ? "," : "");
            tool(j, tools.get(i));
        }
        j.raw("],").field("tool_choice").string(toolChoice(r.toolChoice())).raw(",");
        sampling(j, r.sampling());
        j.field("max_tokens").number(r.maxTokens()).raw(",");
        j.field("thinking").string(thinking(r.thinking())).raw(",");
        j.field("output_schema").node(r.outputSchema()).raw("}");
        return j.toString();
    }

    private void blocks(CanonicalJson j, List<ContentBlock> blocks) {
        j.raw("[");
        for (int i = 0; i < blocks.size(); i++) {
            j.raw(i > 0 ? "," : "");
            block(j, blocks.get(i));
        }
        j.raw("]");
    }

    private void block(CanonicalJson j, ContentBlock b) {
        switch (b) {
            case ContentBlock.Text t ->
                j.raw("[\"text\",").string(text(t.text())).raw("]");
            case ContentBlock.Image img ->
                j.raw("[\"image\",").string(media(img.source())).raw("]");
            case ContentBlock.Document d ->
                j.raw("[\"document\",")
                        .string(media(d.source()))
                        .raw(",")
                        .string(d.title())
                        .raw("]");
            case ContentBlock.ToolUse u ->
                j.raw("[\"tool_use\",")
                        .string(u.id())
                        .raw(",")
                        .string(u.name())
                        .raw(",")
                        .node(u.input())
                        .raw("]");
            case ContentBlock.ToolResult tr -> {
                j.raw("[\"tool_result\",").string(tr.toolUseId()).raw(",").raw(Boolean.toString(tr.isError()));
                j.raw(",");
                blocks(j, tr.content());
                j.raw("]");
            }
            case ContentBlock.Thinking th ->
                j.raw("[\"thinking\",")
                        .string(text(th.thinking()))
                        .raw(",")
                        .string(th.signature())
                        .raw("]");
            case ContentBlock.RedactedThinking rt ->
                j.raw("[\"redacted_thinking\",")
                        .string(Hashing.sha256(rt.data()))
                        .raw("]");
        }
    }

    private static void tool(CanonicalJson j, Tool tool) {
        switch (tool) {
            case Tool.Custom c -> {
                String schema = new CanonicalJson().node(c.inputSchema()).toString();
                String described = new CanonicalJson()
                        .string(c.description())
                        .raw(",")
                        .raw(schema)
                        .raw(",")
                        .raw(String.valueOf(c.strict()))
                        .toString();
                j.raw("[\"custom\",")
                        .string(c.name())
                        .raw(",")
                        .string(Hashing.sha256(described))
                        .raw("]");
            }
            case Tool.Server s ->
                j.raw("[\"server\",").string(s.name()).raw(",").string(s.type()).raw("]");
        }
    }

    private static void sampling(CanonicalJson j, Sampling s) {
        j.field("temperature").number(bucket(s.temperature())).raw(",");
        j.field("top_p").number(s.topP()).raw(",");
        j.field("top_k").number(s.topK()).raw(",");
        if (s.seed() != null) {
            // only when set, so keys of requests without a seed stay what they were
            j.field("seed").number(s.seed()).raw(",");
        }
        j.field("stop").raw("[");
        for (int i = 0; i < s.stopSequences().size(); i++) {
            j.raw(i > 0 ? "," : "").string(s.stopSequences().get(i));
        }
        j.raw("],");
    }

    /** Temperatures in steps of 0.05 (0.01 and 0.04 share a bucket; 0 stays 0). */
    static BigDecimal bucket(Double temperature) {
        if (temperature == null) {
            return null;
        }
        return BigDecimal.valueOf(temperature)
                .multiply(BigDecimal.valueOf(20))
                .setScale(0, RoundingMode.FLOOR)
                .divide(BigDecimal.valueOf(20));
    }

    private static String toolChoice(ToolChoice c) {
        if (c == null) {
            return null;
        }
        String mode = switch (c) {
            case ToolChoice.Auto a -> "auto";
            case ToolChoice.Any a -> "any";
            case ToolChoice.None n -> "none";
            case ToolChoice.Named n -> "tool:" + n.name();
        };
        return mode + (c.disableParallel() ? ";serial" : "");
    }

    private static String thinking(ThinkingConfig t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case ThinkingConfig.Disabled d -> "disabled";
            case ThinkingConfig.Enabled e -> "enabled:" + e.budgetTokens();
            case ThinkingConfig.Adaptive a -> "adaptive:" + a.effort();
        };
    }

    /** Media by digest of their bytes (base64 decoded), URLs and text by digest of the text. */
    private static String media(MediaSource source) {
        return switch (source) {
            case MediaSource.Base64 b -> b.mediaType() + ";sha256=" + Hashing.sha256(decode(b.data()));
            case MediaSource.Url u -> "url;sha256=" + Hashing.sha256(u.url());
            case MediaSource.PlainText p -> "text;sha256=" + Hashing.sha256(p.text());
        };
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return base64.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private String text(String s) {
        if (s == null) {
            return null;
        }
        String normal = BLANKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFC))
                .replaceAll(" ")
                .strip();
        return placeholderNumbers ? NUMBERS.matcher(normal).replaceAll("#") : normal;
    }
}
