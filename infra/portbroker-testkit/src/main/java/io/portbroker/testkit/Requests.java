package io.portbroker.testkit;

/**
 * Anthropic Messages request bodies for the testkit's users: {@code Requests.messages("claude-sonnet-4-5")
 * .stream(true).json()}. The one builder is protocol's {@link io.portbroker.protocol.testing.Requests} (protocol's
 * own tests use it and cannot depend on the testkit); these entry points only hand it out.
 */
public final class Requests {
    private Requests() {}

    /** A request for {@code model} with one user turn saying "hi". */
    public static io.portbroker.protocol.testing.Requests messages(String model) {
        return io.portbroker.protocol.testing.Requests.messages(model);
    }

    /** A request for {@code model} without any turn yet. */
    public static io.portbroker.protocol.testing.Requests empty(String model) {
        return io.portbroker.protocol.testing.Requests.empty(model);
    }

    /** Parses a JSON fragment (content blocks, tools, a tool choice) for {@code set} or {@code turn}. */
    public static com.fasterxml.jackson.databind.JsonNode node(String json) {
        return io.portbroker.protocol.testing.Requests.node(json);
    }
}
