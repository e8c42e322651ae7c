package io.portbroker.core.gateway;

import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.MediaUrlPolicy;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.upstream.UpstreamBodyLimit;

/**
 * The data plane's memory and request guards (issue #9), handed to {@link DataPlane#assemble} as one value so
 * adding a guard does not change the assembly's signature again.
 *
 * @param streamLimits per-stream and per-SSE-event byte caps
 * @param mediaUrls the rule for client media URLs
 * @param bodyLimit the largest non-streamed provider answer read
 */
public record DataPlaneGuards(StreamLimits streamLimits, MediaUrlPolicy mediaUrls, UpstreamBodyLimit bodyLimit) {

    /** Default caps; media URLs https-only to public addresses, resolved with the JVM's resolver. */
    public static DataPlaneGuards ofDefaults() {
        return new DataPlaneGuards(
                StreamLimits.ofDefaults(),
                new MediaUrlPolicy(new UrlPolicy(UrlPolicyConfig.strict(), HostResolver.system()), false),
                UpstreamBodyLimit.ofDefaults());
    }

    public DataPlaneGuards withStreamLimits(StreamLimits limits) {
        return new DataPlaneGuards(limits, mediaUrls, bodyLimit);
    }

    public DataPlaneGuards withMediaUrls(MediaUrlPolicy policy) {
        return new DataPlaneGuards(streamLimits, policy, bodyLimit);
    }

    public DataPlaneGuards withBodyLimit(UpstreamBodyLimit limit) {
        return new DataPlaneGuards(streamLimits, mediaUrls, limit);
    }
}
