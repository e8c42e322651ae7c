package io.portbroker.core.routing;

import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.profile.CapabilityProfile;

/** One provider + upstream model a request may go to, with the effective capability profile. */
public record Candidate(ProviderConfig provider, RouteTarget target) {

    /** The target as codecs see it: the provider profile, with the output cap lowered to the route's cap. */
    public UpstreamTarget upstreamTarget() {
        CapabilityProfile p = provider.profile();
        Integer cap = target.maxOutputTokens();
        if (cap != null && cap < p.common().maxOutputTokens()) {
            p = p.withMaxOutputTokens(cap);
        }
        return new UpstreamTarget(target.upstreamModel(), p);
    }

    /** Stable id of this target for breakers and metrics. */
    public String id() {
        return provider.id() + "/" + target.upstreamModel();
    }
}
