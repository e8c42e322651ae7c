package io.portbroker.local.portal;

import java.util.Map;

/**
 * One answer of the portal file server.
 *
 * @param status 200, 304 or 404
 * @param headers response headers by lower-case name
 * @param body the bytes (empty for 304)
 */
public record PortalAsset(int status, Map<String, String> headers, byte[] body) {
    public PortalAsset {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
