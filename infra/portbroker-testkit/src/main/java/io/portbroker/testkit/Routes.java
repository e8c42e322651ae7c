package io.portbroker.testkit;

/**
 * Routes for the testkit's users: {@code Routes.route("claude-*").to("deepseek", "deepseek-chat").build()}. The one
 * builder is core's {@link io.portbroker.core.testing.Routes} (core's own tests use it and cannot depend on the
 * testkit); this entry point only hands it out.
 */
public final class Routes {
    private Routes() {}

    /** A route for {@code pattern} without targets yet. */
    public static io.portbroker.core.testing.Routes route(String pattern) {
        return io.portbroker.core.testing.Routes.route(pattern);
    }
}
