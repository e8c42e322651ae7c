package io.portbroker.core.settings;

import java.time.Duration;

/**
 * A start-up group as the wiring writes them ({@code portbroker.throttle.*}), for tests of the layers, reloads and
 * the admin view: one reloadable property, one fixed for the life of a container, one secret.
 */
public class ThrottleGroup {
    @Reloadable
    private int limit = 10;

    private Duration window = Duration.ofMinutes(1);
    private String alertToken;

    public ThrottleGroup() {}

    /** @throws IllegalArgumentException when the limit is not positive */
    public int toLimit() {
        if (limit <= 0) {
            throw new IllegalArgumentException("throttle limit must be positive");
        }
        return limit;
    }

    /** The group as the settings see it. */
    public static BeanGroup group() {
        return new BeanGroup("throttle", ThrottleGroup.class);
    }

    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public String getAlertToken() {
        return alertToken;
    }

    public void setAlertToken(String alertToken) {
        this.alertToken = alertToken;
    }
}
