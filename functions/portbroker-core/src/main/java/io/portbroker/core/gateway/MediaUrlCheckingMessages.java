package io.portbroker.core.gateway;

import io.portbroker.core.ssrf.MediaUrlPolicy;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.util.function.Consumer;

/**
 * A {@link Messages} decorator that refuses requests whose media URLs break the {@link MediaUrlPolicy} before
 * any provider (or cache) sees them.
 */
public final class MediaUrlCheckingMessages implements Messages {
    private final Messages next;
    private final MediaUrlPolicy policy;

    public MediaUrlCheckingMessages(Messages next, MediaUrlPolicy policy) {
        this.next = next;
        this.policy = policy;
    }

    /** @throws io.portbroker.error.InvalidRequestError when a media URL is refused */
    @Override
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        policy.check(request);
        return next.complete(request, ctx, notes);
    }

    /** @throws io.portbroker.error.InvalidRequestError when a media URL is refused (before the stream starts) */
    @Override
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        policy.check(request);
        next.stream(request, ctx, notes, starter, cancellation);
    }
}
