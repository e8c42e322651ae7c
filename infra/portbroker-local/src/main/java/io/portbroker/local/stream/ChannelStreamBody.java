package io.portbroker.local.stream;

import io.micronaut.http.body.stream.BodySizeLimits;
import io.micronaut.http.body.stream.BufferConsumer;
import io.micronaut.http.netty.body.NettyByteBodyFactory;
import io.micronaut.http.netty.body.StreamingNettyByteBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import io.portbroker.error.CancelledError;
import io.portbroker.fn.gateway.StreamBody;
import io.portbroker.fn.gateway.StreamCredit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stream body fed straight into the connection's Netty pipeline. Micronaut's server still owns the response (head,
 * chunked framing, keep-alive, pipelining order); this body is the Micronaut {@link StreamingNettyByteBody} it
 * writes from, and the frames reach it without a reactive publisher in between.
 *
 * <p>A {@link #write} queues the frame and, unless a drain is already pending, submits one task to the channel's
 * event loop; the task hands every frame queued by then to the server as one buffer, which writes and flushes it. So
 * a frame leaves as soon as the event loop runs (the head goes out with the first frame, in one flush), and frames
 * written while it was busy leave together. Frames wait until the server has started the body (its response is the
 * connection's current one: pipelined responses go out in order). Backpressure: {@link StreamCredit} counts the bytes not yet taken by the
 * socket (the server reports them consumed only while the channel is writable); a write past the capacity waits, so a
 * stalled client stalls the provider read. A closed channel or a discarded body cancels the stream once.
 */
final class ChannelStreamBody implements StreamBody, BufferConsumer.Upstream {
    private static final Object END = new Object();

    private final EventLoop loop;
    private final Channel channel;
    private final NettyByteBodyFactory factory;
    private final StreamingNettyByteBody.SharedBuffer buffer;
    private final StreamingNettyByteBody body;
    private final StreamCredit credit;
    private final Runnable onClientGone;
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean gone = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private final GenericFutureListener<Future<? super Void>> onClose = f -> clientGone();
    private volatile boolean started;
    private volatile boolean ended;

    private ChannelStreamBody(Channel channel, long capacity, Runnable onClientGone) {
        this.channel = channel;
        this.loop = channel.eventLoop();
        this.factory = new NettyByteBodyFactory(channel);
        this.buffer = factory.createStreamingBuffer(BodySizeLimits.UNLIMITED, this);
        this.body = new StreamingNettyByteBody(buffer);
        this.credit = new StreamCredit(capacity);
        this.onClientGone = onClientGone;
    }

    /** A body on {@code channel}; {@code onClientGone} runs once if the client leaves before the end. */
    static ChannelStreamBody open(Channel channel, long capacity, Runnable onClientGone) {
        ChannelStreamBody stream = new ChannelStreamBody(channel, capacity, onClientGone);
        channel.closeFuture().addListener(stream.onClose);
        return stream;
    }

    @Override
    public Object body() {
        return body;
    }

    @Override
    public void write(byte[] bytes) {
        if (gone.get()) {
            throw new CancelledError("the client disconnected");
        }
        credit.acquire(bytes.length);
        pending.add(bytes);
        schedule();
    }

    @Override
    public void end() {
        pending.add(END);
        schedule();
    }

    private void schedule() {
        if (drainScheduled.compareAndSet(false, true)) {
            loop.execute(drain);
        }
    }

    /**
     * On the event loop: every frame queued so far to the server as one buffer, then the end if it came. Until the
     * server {@link #start}s this body (a pipelined response waits for the ones before it) the frames stay queued and
     * the pending flag stays set, so no further drain is scheduled meanwhile.
     */
    private void drain() {
        if (!started) {
            return;
        }
        drainScheduled.set(false);
        List<byte[]> frames = new ArrayList<>(4);
        boolean end = false;
        for (Object next = pending.poll(); next != null; next = pending.poll()) {
            if (next == END) {
                end = true;
            } else {
                frames.add((byte[]) next);
            }
        }
        if (ended || gone.get()) {
            return;
        }
        if (!frames.isEmpty()) {
            buffer.add(factory.readBufferFactory().adapt(Unpooled.wrappedBuffer(frames.toArray(new byte[0][]))));
        }
        if (end) {
            ended = true;
            // the connection may carry many more requests: this stream no longer needs to hear of its close
            channel.closeFuture().removeListener(onClose);
            buffer.complete();
        }
    }

    private void clientGone() {
        if (!ended && gone.compareAndSet(false, true)) {
            credit.cancel();
            onClientGone.run();
        }
    }

    /** The server is ready for this body's bytes (its response is the connection's current one). */
    @Override
    public void start() {
        if (!loop.inEventLoop()) {
            loop.execute(this::start);
            return;
        }
        if (!started) {
            started = true;
            drain();
        }
    }

    @Override
    public void onBytesConsumed(long bytesConsumed) {
        credit.release(bytesConsumed);
    }

    /** The server will not send this body (the connection went away, or the response was dropped). */
    @Override
    public void allowDiscard() {
        clientGone();
    }
}
