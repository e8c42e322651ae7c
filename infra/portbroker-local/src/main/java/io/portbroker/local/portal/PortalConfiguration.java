package io.portbroker.local.portal;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.nio.file.Path;

/** Binds {@code portbroker.portal.*} ({@code PORTBROKER_PORTAL_DIR}) to {@link PortalSettings}. */
@ConfigurationProperties("portbroker.portal")
public class PortalConfiguration {
    private String dir = PortalSettings.ofDefaults().dir().toString();

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    /** The validated settings. */
    public PortalSettings settings() {
        return new PortalSettings(dir == null || dir.isBlank() ? null : Path.of(dir));
    }
}
