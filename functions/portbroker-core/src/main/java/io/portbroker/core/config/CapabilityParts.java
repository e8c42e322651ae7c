package io.portbroker.core.config;

import java.util.List;

/** Every dialect part a provider may configure under {@code capabilities:}; a new upstream dialect adds one line. */
final class CapabilityParts {

    static final List<CapabilityPart<?, ?>> ALL = List.of(new OpenAiChatPart());

    private CapabilityParts() {}
}
