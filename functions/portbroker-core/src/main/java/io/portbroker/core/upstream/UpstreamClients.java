package io.portbroker.core.upstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@link UpstreamClient}s by provider dialect. A provider whose dialect has a client here is called through it;
 * every other provider through its {@link io.portbroker.protocol.codec.UpstreamDialect} over HTTP.
 */
public final class UpstreamClients {
    /** No SDK-backed upstreams: every provider is called over HTTP. */
    public static final UpstreamClients NONE = new UpstreamClients(List.of());

    private final Map<String, UpstreamClient> byDialect;

    /**
     * @throws IllegalStateException when two clients claim the same dialect
     */
    public UpstreamClients(List<UpstreamClient> clients) {
        this.byDialect =
                clients.stream().collect(Collectors.toUnmodifiableMap(UpstreamClient::dialect, Function.identity()));
    }

    /** The client serving {@code dialect}, if any. */
    public Optional<UpstreamClient> find(String dialect) {
        return Optional.ofNullable(byDialect.get(dialect));
    }
}
