package io.portbroker.core.gateway;

import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.codec.UpstreamDialect;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Upstream dialects by name; a provider names its dialect in configuration. */
public final class UpstreamDialects {
    private final Map<String, UpstreamDialect> byName;

    public UpstreamDialects(List<UpstreamDialect> dialects) {
        this.byName =
                dialects.stream().collect(Collectors.toUnmodifiableMap(UpstreamDialect::name, Function.identity()));
    }

    /**
     * @throws InternalMappingError when no dialect has that name (a configuration fault)
     */
    public UpstreamDialect get(String name) {
        UpstreamDialect d = byName.get(name);
        if (d == null) {
            throw new InternalMappingError("provider dialect '" + name + "' is not supported");
        }
        return d;
    }
}
