package io.portbroker.core.http;

import io.portbroker.core.routing.Router;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders {@code GET /v1/models} from the routes that are listed: in Anthropic's list shape, or in OpenAI's
 * ({@code {"object":"list","data":[{"id","object":"model","created","owned_by"}]}}) for OpenAI clients.
 */
final class ModelCatalog {
    private static final String CREATED = "2025-01-01T00:00:00Z";
    private static final long CREATED_EPOCH = 1_735_689_600L;
    private final Router router;

    ModelCatalog(Router router) {
        this.router = router;
    }

    byte[] list(String query) {
        List<String> names = router.listedModels();
        StringBuilder sb = new StringBuilder("{\"data\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendModel(sb, names.get(i));
        }
        sb.append("],\"has_more\":false,\"first_id\":");
        sb.append(names.isEmpty() ? "null" : quote(names.get(0)));
        sb.append(",\"last_id\":");
        sb.append(names.isEmpty() ? "null" : quote(names.get(names.size() - 1)));
        sb.append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] one(String id) {
        if (!router.listedModels().contains(id)) {
            router.requireServed(id);
        }
        StringBuilder sb = new StringBuilder();
        appendModel(sb, id);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The OpenAI list shape. */
    byte[] listOpenAi() {
        List<String> names = router.listedModels();
        StringBuilder sb = new StringBuilder("{\"object\":\"list\",\"data\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendOpenAiModel(sb, names.get(i));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One model in the OpenAI shape. */
    byte[] oneOpenAi(String id) {
        if (!router.listedModels().contains(id)) {
            router.requireServed(id);
        }
        StringBuilder sb = new StringBuilder();
        appendOpenAiModel(sb, id);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendOpenAiModel(StringBuilder sb, String name) {
        sb.append("{\"id\":")
                .append(quote(name))
                .append(",\"object\":\"model\",\"created\":")
                .append(CREATED_EPOCH)
                .append(",\"owned_by\":\"portbroker\"}");
    }

    private static void appendModel(StringBuilder sb, String name) {
        sb.append("{\"type\":\"model\",\"id\":")
                .append(quote(name))
                .append(",\"display_name\":")
                .append(quote(name))
                .append(",\"created_at\":\"")
                .append(CREATED)
                .append("\"}");
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
