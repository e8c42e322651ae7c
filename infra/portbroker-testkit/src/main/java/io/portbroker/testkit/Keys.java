package io.portbroker.testkit;

/**
 * Key records for the testkit's users: {@code Keys.key("ab12...").scopes("chat:write").build()}. The one builder is
 * core's {@link io.portbroker.core.testing.Keys} (core's own tests use it and cannot depend on the testkit); this
 * entry point only hands it out.
 */
public final class Keys {
    private Keys() {}

    /** A record stored under the given hash. */
    public static io.portbroker.core.testing.Keys key(String keyHash) {
        return io.portbroker.core.testing.Keys.key(keyHash);
    }
}
