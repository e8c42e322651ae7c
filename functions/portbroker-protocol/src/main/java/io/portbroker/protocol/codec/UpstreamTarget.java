package io.portbroker.protocol.codec;

import io.portbroker.protocol.profile.CapabilityProfile;

/**
 * The concrete model a request is sent to.
 *
 * @param upstreamModel the provider's model id
 * @param profile what the provider accepts
 */
public record UpstreamTarget(String upstreamModel, CapabilityProfile profile) {}
