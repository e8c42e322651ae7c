package io.portbroker.core.reload;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.settings.Settings;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The data plane as a CONFIG_RELOAD subscriber: when settings change (retry, breaker, ping, stream validation, the
 * reloadable upstream and stream bounds) it assembles a new pipeline from them and swaps it in whole. Requests in flight finish
 * on the pipeline they started with; the next request takes the new one. Breaker states shared through the store
 * are picked up again by the new breakers at their next sync. Catalogue changes need no rebuild: the router reads
 * the snapshot per request.
 */
public final class LiveDataPlane implements ApiHandler {
    private final Function<Settings, DataPlane> assembler;
    private final AtomicReference<DataPlane> current;

    /** Assembles the first pipeline from the snapshot in force and subscribes to reloads. */
    public LiveDataPlane(ConfigSnapshots snapshots, Function<Settings, DataPlane> assembler) {
        this.assembler = assembler;
        this.current = new AtomicReference<>(assembler.apply(snapshots.get().typed()));
        snapshots.subscribe(this::onReload);
    }

    /** The pipeline in force. */
    public DataPlane current() {
        return current.get();
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        current.get().api().handle(request, responder);
    }

    void onReload(ConfigReloadEvent event) {
        // any setting: the assembler may also read reloadable start-up-group values (upstream body, stream bounds)
        if (!event.changedSettings().isEmpty()) {
            current.set(assembler.apply(event.current().typed()));
        }
    }
}
