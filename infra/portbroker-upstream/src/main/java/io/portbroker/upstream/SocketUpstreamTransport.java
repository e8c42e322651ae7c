package io.portbroker.upstream;

import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.CancelledError;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.upstream.http1.ConnectionPool;
import io.portbroker.upstream.http1.Http1Connection;
import io.portbroker.upstream.http1.Http1Exchange;
import io.portbroker.upstream.http1.OriginKey;
import io.portbroker.upstream.http1.ResponseHead;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Calls providers with a small blocking HTTP/1.1 client on the caller's (virtual) thread: no selector thread and
 * no executor hand-off, which the JDK HTTP client costs on every request (the profile in issue #15). A keep-alive
 * pool per origin; plain sockets, TLS through {@link TlsSockets} for https (host name verified, SNI sent);
 * bodies streamed as they arrive (content-length, chunked, until close); redirects never followed (they are
 * answers like any other).
 *
 * <p>SSRF: the provider's host is resolved and every address vetted by {@link GuardedDnsResolver} before each
 * request, and a new connection goes to a vetted address — there is no second lookup a rebinding DNS answer
 * could change. A pooled connection was vetted when opened.
 *
 * <p>A request that fails on a reused connection before any byte of the answer arrived (the server closed the
 * idle connection) is sent once more on a fresh connection; other failures surface as provider errors.
 */
public final class SocketUpstreamTransport implements UpstreamTransport {
    private static final Set<String> MANAGED_HEADERS = Set.of(
            "host",
            "content-length",
            "connection",
            "transfer-encoding",
            "expect",
            "upgrade",
            "keep-alive",
            "te",
            "trailer",
            "proxy-connection");

    private final GuardedDnsResolver guard;
    private final ConnectionPool pool;
    private final TlsSockets tls;

    /** With the JVM's default trust, up to 256 idle connections per origin kept 30 s. */
    public SocketUpstreamTransport(GuardedDnsResolver guard) {
        this(guard, new ConnectionPool(256, Duration.ofSeconds(30), System::nanoTime), TlsSockets.ofDefaults());
    }

    /**
     * @param pool idle connections (its clock decides expiry)
     * @param tls how https connections are wrapped (tests hand in their own trust)
     */
    public SocketUpstreamTransport(GuardedDnsResolver guard, ConnectionPool pool, TlsSockets tls) {
        this.guard = guard;
        this.pool = pool;
        this.tls = tls;
    }

    /**
     * {@inheritDoc}
     *
     * @throws ProviderConnectionError also when the SSRF guard refuses the host's current addresses
     * @throws CancelledError when the calling thread is interrupted
     */
    @Override
    public UpstreamResponse send(UpstreamCall call) {
        List<InetAddress> vetted = guard.resolve(call.url());
        OriginKey origin = OriginKey.of(call.url());
        byte[] head = requestHead(call, origin);
        Http1Connection pooled = pool.borrow(origin);
        if (pooled != null) {
            try {
                return exchange(pooled, head, call);
            } catch (EOFException | SocketException stale) {
                pooled.close(); // closed by the server while idle: once more on a fresh connection
                interrupted();
            } catch (IOException e) {
                pooled.close();
                throw failure(e, call);
            }
        }
        Http1Connection fresh = connect(origin, vetted, call.connectTimeout());
        try {
            return exchange(fresh, head, call);
        } catch (IOException e) {
            fresh.close();
            throw failure(e, call);
        }
    }

    private Http1Exchange exchange(Http1Connection c, byte[] head, UpstreamCall call) throws IOException {
        c.begin();
        OutputStream out = c.out();
        byte[] body = call.body();
        byte[] wire = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, wire, head.length, body.length);
        out.write(wire); // one write: one segment for small requests, no buffer kept per connection
        out.flush();
        c.readTimeoutMillis(millis(call.headersTimeout()));
        ResponseHead response = ResponseHead.read(c.in());
        c.readTimeoutMillis(0); // the body may stream for minutes; idle limits belong to the caller's watchdog
        return Http1Exchange.of(response, c, pool);
    }

    private Http1Connection connect(OriginKey origin, List<InetAddress> vetted, Duration timeout) {
        for (InetAddress address : vetted) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, origin.port()), millis(timeout));
                Socket s = origin.tls() ? tls.wrap(socket, origin.host(), origin.port(), timeout) : socket;
                return new Http1Connection(origin, s);
            } catch (SocketTimeoutException e) {
                close(socket);
                throw new ProviderTimeoutError("connecting to the provider timed out");
            } catch (IOException e) {
                close(socket);
                interrupted(); // else the next vetted address
            }
        }
        throw new ProviderConnectionError("the provider could not be reached");
    }

    private static RuntimeException failure(IOException e, UpstreamCall call) {
        interrupted();
        if (e instanceof SocketTimeoutException) {
            return new ProviderTimeoutError("the provider did not answer within " + call.headersTimeout());
        }
        return new ProviderConnectionError("the provider could not be reached");
    }

    private static void interrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledError("the call was interrupted");
        }
    }

    static byte[] requestHead(UpstreamCall call, OriginKey origin) {
        String path = call.url().getRawPath();
        String query = call.url().getRawQuery();
        StringBuilder sb = new StringBuilder(256)
                .append("POST ")
                .append(path == null || path.isEmpty() ? "/" : path)
                .append(query == null ? "" : "?" + query)
                .append(" HTTP/1.1\r\nhost: ")
                .append(origin.hostHeader())
                .append("\r\ncontent-length: ")
                .append(call.body().length)
                .append("\r\n");
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            String name = h.getKey();
            if (!MANAGED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && safe(name) && safe(h.getValue())) {
                sb.append(name).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** No CR/LF (header injection) and nothing outside Latin-1 (it would be mangled on the wire). */
    private static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c > 0xff) {
                return false;
            }
        }
        return true;
    }

    private static int millis(Duration d) {
        long ms = d.toMillis();
        return ms <= 0 ? 1 : (int) Math.min(ms, Integer.MAX_VALUE);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }
}
