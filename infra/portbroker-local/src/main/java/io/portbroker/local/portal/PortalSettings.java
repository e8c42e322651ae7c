package io.portbroker.local.portal;

import java.nio.file.Path;

/**
 * Where the local server finds the built portal.
 *
 * @param dir the Vite output directory ({@code portal/dist} of the checkout by default)
 */
public record PortalSettings(Path dir) {
    public PortalSettings {
        if (dir == null) {
            throw new IllegalArgumentException("portbroker.portal.dir must name a directory");
        }
    }

    /** {@code portal/dist} below the working directory ({@code ./pb local} runs from the checkout). */
    public static PortalSettings ofDefaults() {
        return new PortalSettings(Path.of("portal", "dist"));
    }
}
