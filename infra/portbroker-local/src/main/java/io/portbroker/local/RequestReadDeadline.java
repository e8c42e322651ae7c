package io.portbroker.local;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline for receiving one whole request on a connection (slowloris): it starts when the connection opens
 * or when the first byte of a request arrives, and ends when the HTTP decoder has produced the request's last
 * content. Past it the server answers 408 (when no response is under way) and closes the connection. Responses
 * are not bound, so a long SSE stream stays open; the server's idle timeouts still bound a silent connection.
 *
 * <p>Two handlers share this state, one on each side of the HTTP codec: {@link #rawSide()} sees the bytes (a
 * half-sent head produces no HTTP message at all), {@link #httpSide()} sees where a request ends and whether a
 * response is being written. One instance per connection; all calls run on the connection's event loop.
 */
final class RequestReadDeadline {
    private final long timeoutNanos;
    private final byte[] timeoutResponse;
    private ScheduledFuture<?> timer;
    private boolean reading;
    private boolean responding;

    /**
     * @param timeout how long one request may take to arrive
     * @param timeoutBody the 408 body (the client's error envelope)
     */
    RequestReadDeadline(Duration timeout, byte[] timeoutBody) {
        this.timeoutNanos = timeout.toNanos();
        this.timeoutResponse = response(timeoutBody);
    }

    /** Goes before the HTTP codec. */
    ChannelInboundHandlerAdapter rawSide() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                if (ctx.channel().isActive()) {
                    start(ctx);
                }
            }

            @Override
            public void channelActive(ChannelHandlerContext ctx) {
                start(ctx);
                ctx.fireChannelActive();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    start(ctx);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        };
    }

    /** Goes after the HTTP codec. */
    ChannelDuplexHandler httpSide() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof LastHttpContent) {
                    stop();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpResponse) {
                    responding = true;
                }
                if (msg instanceof LastHttpContent) {
                    responding = false;
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void start(ChannelHandlerContext ctx) {
        if (reading) {
            return;
        }
        reading = true;
        timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void stop() {
        reading = false;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!reading || !ctx.channel().isActive()) {
            return;
        }
        timer = null;
        if (responding) {
            ctx.close();
            return;
        }
        // written below the codec: the request was never decoded, so no HTTP response object exists for it
        ctx.writeAndFlush(Unpooled.wrappedBuffer(timeoutResponse)).addListener(ChannelFutureListener.CLOSE);
    }

    private static byte[] response(byte[] body) {
        String head = "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
                + "content-length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }
}
