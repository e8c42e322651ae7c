package io.portbroker.local;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.overload.BodyBudget;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.overload.OverloadSettings;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Refuses data-plane calls ({@code POST /v1/...}) right after Netty has decoded their request line and headers
 * when the {@link InFlightLimit} is already full: the 529 {@code overloaded_error} (with retry-after, in the client's
 * envelope) is written at once and the request's body is dropped as it arrives, never aggregated, routed or handed to
 * a thread. Without it, a refused request still went through Micronaut's routing and waited for its whole body
 * before the controller's {@code OverloadGate} could refuse it, so under overload the event loop queued work that
 * was going to be refused anyway (and a request whose body never came was never answered).
 *
 * <p>It only peeks at the bound: the permit is still taken by the {@code OverloadGate}, which stays the authority
 * (a request this shield lets through may still be refused there, in the same envelope). It refuses only when no
 * earlier request of the connection is still being answered, so a pipelined refusal never overtakes an answer.
 * It also holds each admitted data-plane body's declared length against the {@link BodyBudget} until its response
 * ends, refusing (529, before buffering) a body that does not fit next to the others: a few concurrent 30 MB
 * bodies used to exhaust the heap. The refusal's body comes from {@link Refusals} (encoded once per bound settings,
 * not per refusal) and nothing is logged per refusal. One instance per connection; every method runs on the
 * connection's event loop.
 */
final class OverloadShield extends ChannelDuplexHandler {
    /** The handler's name in the pipeline. */
    static final String NAME = "pb-overload-shield";

    /** Stands for a request that counts no body bytes (not data plane, or pipelined behind another). */
    private static final BodyBudget.Reservation NONE =
            new BodyBudget(OverloadSettings::ofDefaults).tryReserve(0).orElseThrow();

    private static final HttpResponseStatus OVERLOADED = new HttpResponseStatus(529, "Overloaded");
    private static final AsciiString REQUEST_ID = AsciiString.cached("request-id");

    private final InFlightLimit limit;
    private final Refusals refusals;
    private final ArrayDeque<BodyBudget.Reservation> bodies = new ArrayDeque<>();
    private int answering;
    private boolean discarding;

    OverloadShield(InFlightLimit limit, Refusals refusals) {
        this.limit = limit;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            Optional<BodyBudget.Reservation> body = Optional.empty();
            if (answering == 0 && isDataPlane(request)) {
                body = limit.full()
                        ? Optional.empty()
                        : limit.bodies().tryReserve(HttpUtil.getContentLength(request, 0L));
                if (body.isEmpty()) {
                    refuse(ctx, request);
                    discarding = !(msg instanceof LastHttpContent);
                    ReferenceCountUtil.release(msg);
                    return;
                }
            }
            discarding = false;
            answering++;
            bodies.add(body.orElse(NONE));
        } else if (discarding && msg instanceof HttpContent) {
            discarding = !(msg instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean informational =
                msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (msg instanceof LastHttpContent && !informational && answering > 0) {
            answering--;
            bodies.remove().close();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseBodies();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseBodies();
    }

    private void releaseBodies() {
        while (!bodies.isEmpty()) {
            bodies.remove().close();
        }
    }

    private static boolean isDataPlane(HttpRequest request) {
        return HttpMethod.POST.equals(request.method()) && request.uri().startsWith("/v1/");
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request) {
        RefusalBody body = refusals.current();
        String requestId = Ids.requestId();
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, OVERLOADED, Unpooled.wrappedBuffer(body.forRequest(requestId)));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(REQUEST_ID, requestId)
                .set(HttpHeaderNames.RETRY_AFTER, body.retryAfter());
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
