package io.portbroker.core.admin;

import java.util.Map;

/**
 * An admin answer that carries response headers besides its body (the refresh cookie of a browser login).
 *
 * @param body the JSON-encodable body, or null for 204
 * @param headers extra response headers by lower-case name
 */
record AdminReply(Object body, Map<String, String> headers) {
    AdminReply {
        headers = Map.copyOf(headers);
    }
}
