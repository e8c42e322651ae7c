package io.portbroker.fn.admin;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.lambda.Priming;
import org.crac.Context;
import org.crac.Resource;

/**
 * The admin function's SnapStart runtime hook: before Lambda takes the snapshot of the initialised function, the
 * admin router, its authenticators and the JSON codecs run on synthetic requests ({@link Priming#adminEvents()}),
 * so the restored container starts with those classes loaded and initialised. Nothing to redo after restore: the
 * AWS clients re-open their connections on first use. A failure is logged by {@link Priming} and never blocks the
 * checkpoint.
 */
final class SnapStartPriming implements Resource {
    private final ApiHandler admin;
    private volatile Priming.Outcome last;

    SnapStartPriming(ApiHandler admin) {
        this.admin = admin;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        last = Priming.run(admin, Priming.adminEvents());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing cached holds a connection or a timestamp that the restore would make stale
    }

    /** The outcome of the last priming run, or null before the first checkpoint. */
    Priming.Outcome last() {
        return last;
    }
}
