package io.portbroker.upstream;

import java.io.IOException;
import java.net.Socket;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Wraps a connected socket in TLS for an https provider: SNI carries the host name, the certificate is verified
 * against it ({@code HTTPS} endpoint identification) and the handshake completes within the connect timeout.
 * Only HTTP/1.1 is offered (no ALPN h2: the socket client speaks HTTP/1.1).
 */
public final class TlsSockets {
    private final SSLSocketFactory factory;

    public TlsSockets(SSLContext context) {
        this.factory = context.getSocketFactory();
    }

    /** The JVM's default trust store and protocols. */
    public static TlsSockets ofDefaults() {
        try {
            return new TlsSockets(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** The TLS socket over {@code socket}, handshake done. Closing it closes {@code socket}. */
    Socket wrap(Socket socket, String host, int port, Duration handshakeTimeout) throws IOException {
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setApplicationProtocols(new String[] {"http/1.1"});
        if (!isIpLiteral(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout((int) Math.max(1, Math.min(handshakeTimeout.toMillis(), Integer.MAX_VALUE)));
        ssl.startHandshake();
        return ssl;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
