package io.portbroker.upstream.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Response framing on a real loopback socket pair: the head parser, the three body framings, and when the
 * connection goes back to the pool (read to the end with keep-alive) or is closed (cut short, close, errors).
 */
class Http1ExchangeTest {
    private final AtomicLong now = new AtomicLong();
    private final ConnectionPool pool = new ConnectionPool(2, Duration.ofSeconds(30), now::get);
    private final OriginKey origin = new OriginKey(false, "127.0.0.1", 1);
    private ServerSocket server;
    private Socket peer;

    @AfterEach
    void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A connection whose server side has already written {@code wire}. */
    private Http1Connection connectionReceiving(String wire) throws IOException {
        server = new ServerSocket(0);
        Socket client = new Socket("127.0.0.1", server.getLocalPort());
        peer = server.accept();
        peer.getOutputStream().write(wire.getBytes(StandardCharsets.ISO_8859_1));
        peer.getOutputStream().flush();
        return new Http1Connection(origin, client);
    }

    private Http1Exchange exchange(Http1Connection c) throws IOException {
        return Http1Exchange.of(ResponseHead.read(c.in()), c, pool);
    }

    @Test
    void body_shouldDecodeChunks_andReturnTheConnection_whenReadToTheEnd() throws IOException {
        Http1Connection c = connectionReceiving(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nx-trailer: 1\r\n\r\n");

        Http1Exchange e = exchange(c);

        assertThat(new String(e.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(pool.idleCount(origin)).isEqualTo(1);
        assertThat(pool.borrow(origin)).isSameAs(c);
    }

    @Test
    void close_shouldDiscardTheConnection_whenTheBodyWasNotReadToTheEnd() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhello");

        Http1Exchange e = exchange(c);
        assertThat(e.body().read(new byte[5])).isEqualTo(5);
        e.close();

        assertThat(pool.idleCount(origin)).isZero();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void close_shouldKeepTheConnection_whenEveryDeclaredByteWasRead() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello");

        Http1Exchange e = exchange(c);
        assertThat(e.body().readNBytes(5)).hasSize(5);
        e.close();

        assertThat(pool.idleCount(origin)).isEqualTo(1);
    }

    @Test
    void body_shouldNotReturnTheConnection_whenTheServerSaysClose() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 2\r\n\r\nok");

        exchange(c).body().readAllBytes();

        assertThat(pool.idleCount(origin)).isZero();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void body_shouldFail_whenTheConnectionEndsMidBody() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nhel");
        peer.shutdownOutput();

        Http1Exchange e = exchange(c);

        assertThatThrownBy(() -> e.body().readAllBytes()).isInstanceOf(EOFException.class);
        assertThat(pool.idleCount(origin)).isZero();
    }

    @Test
    void body_shouldFail_whenAChunkSizeIsMalformed() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n");

        Http1Exchange e = exchange(c);

        assertThatThrownBy(() -> e.body().read())
                .isInstanceOf(IOException.class)
                .hasMessage("malformed chunk size");
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void body_shouldBeEmpty_whenTheStatusIs204() throws IOException {
        Http1Connection c = connectionReceiving("HTTP/1.1 204 No Content\r\n\r\n");

        Http1Exchange e = exchange(c);

        assertThat(e.status()).isEqualTo(204);
        assertThat(e.body().read()).isEqualTo(-1);
        assertThat(pool.idleCount(origin)).isEqualTo(1);
    }

    @Test
    void read_shouldSkipInterimAnswers_andKeepTheFirstOfRepeatedHeaders() throws IOException {
        InputStream in = stream("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\nX-A: 1\nx-a: 2\njunk\n\n");

        ResponseHead head = ResponseHead.read(in);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-a")).contains("1");
        assertThat(head.keepAlive()).isTrue();
    }

    @Test
    void keepAlive_shouldBeOptIn_whenTheServerSpeaksHttp10() throws IOException {
        assertThat(ResponseHead.read(stream("HTTP/1.0 200 OK\r\n\r\n")).keepAlive())
                .isFalse();
        assertThat(ResponseHead.read(stream("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n"))
                        .keepAlive())
                .isTrue();
    }

    @Test
    void read_shouldRefuse_whenTheHeadIsMalformedOrEndless() {
        assertThatThrownBy(() -> ResponseHead.read(stream("SSH-2.0-OpenSSH\r\n\r\n")))
                .hasMessage("malformed status line");
        assertThatThrownBy(() -> ResponseHead.read(stream("HTTP/1.1 2x0 OK\r\n\r\n")))
                .hasMessage("malformed status code");
        assertThatThrownBy(() -> ResponseHead.read(stream("HTTP/1.1 200 OK\r\nx: " + "a".repeat(70_000))))
                .hasMessage("response head too large");
        assertThatThrownBy(() -> ResponseHead.read(stream("HTTP/1.1 200 OK\r\nx: 1")))
                .hasMessage("response head cut short");
        assertThatThrownBy(() -> ResponseHead.read(stream(""))).isInstanceOf(EOFException.class);
    }

    @Test
    void borrow_shouldCloseConnectionsIdleTooLong_andKeepAtMostTheLimit() throws IOException {
        Http1Connection a = connectionReceiving("");
        Socket s2 = new Socket("127.0.0.1", server.getLocalPort());
        Socket s3 = new Socket("127.0.0.1", server.getLocalPort());
        Http1Connection b = new Http1Connection(origin, s2);
        Http1Connection c = new Http1Connection(origin, s3);

        pool.release(a);
        pool.release(b);
        pool.release(c); // over the limit of 2: the oldest (a) is closed
        assertThat(a.isOpen()).isFalse();
        assertThat(pool.idleCount(origin)).isEqualTo(2);

        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(pool.borrow(origin)).isNull();
        assertThat(b.isOpen()).isFalse();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void hostHeader_shouldOmitTheDefaultPort_andBracketIpv6() {
        assertThat(OriginKey.of(java.net.URI.create("https://API.example.com/v1"))
                        .hostHeader())
                .isEqualTo("api.example.com");
        assertThat(OriginKey.of(java.net.URI.create("http://127.0.0.1:8080/v1")).hostHeader())
                .isEqualTo("127.0.0.1:8080");
        assertThat(new OriginKey(false, "::1", 80).hostHeader()).isEqualTo("[::1]");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
