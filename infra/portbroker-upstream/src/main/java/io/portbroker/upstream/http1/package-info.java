/**
 * Internal: the small blocking HTTP/1.1 client behind {@code SocketUpstreamTransport} — a keep-alive pool per
 * origin, the response head parser and the body streams (content-length, chunked, until-close). Not API.
 */
package io.portbroker.upstream.http1;
