package io.portbroker.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.portbroker.core.ssrf.Cidr;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.upstream.http1.ConnectionPool;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https through the socket client against a real TLS server with a certificate made for the test (JDK keytool):
 * the answer arrives when the certificate names the host, and the connection is refused when it names another
 * (endpoint identification is on; a stolen or mis-issued certificate for another name must not pass).
 */
class SocketUpstreamTransportTlsTest {
    private static final HostResolver DNS = host -> List.of(InetAddress.getLoopbackAddress());
    private static final GuardedDnsResolver GUARD = new GuardedDnsResolver(
            new UrlPolicy(new UrlPolicyConfig(Set.of(), Set.of(), List.of(Cidr.parse("127.0.0.0/8"))), DNS));

    @TempDir
    Path dir;

    private HttpsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void send_shouldAnswerOverTls_whenTheCertificateNamesTheHost() throws Exception {
        // given
        SSLContext context = serve("dns:localhost");
        SocketUpstreamTransport transport = transport(context);

        // when
        try (UpstreamResponse r = transport.send(UpstreamTransportContract.call(url(), Duration.ofSeconds(5)))) {
            // then
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("secure ok");
        }
    }

    @Test
    void send_shouldRefuse_whenTheCertificateNamesAnotherHost() throws Exception {
        // given: trusted, but issued for another name
        SSLContext context = serve("dns:other.example");
        SocketUpstreamTransport transport = transport(context);

        // when / then
        assertThatThrownBy(() -> transport.send(UpstreamTransportContract.call(url(), Duration.ofSeconds(5))))
                .isInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
    }

    private SocketUpstreamTransport transport(SSLContext trusting) {
        return new SocketUpstreamTransport(
                GUARD, new ConnectionPool(4, Duration.ofSeconds(30), System::nanoTime), new TlsSockets(trusting));
    }

    private URI url() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    /** Starts the TLS server with a fresh self-signed certificate; returns a client context trusting it. */
    private SSLContext serve(String subjectAltName) throws Exception {
        char[] password = UUID.randomUUID().toString().toCharArray();
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=test",
                        "-ext",
                        "san=" + subjectAltName,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(password),
                        "-keypass",
                        new String(password))
                .redirectErrorStream(true)
                .start();
        keytool.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "secure ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return client;
    }
}
