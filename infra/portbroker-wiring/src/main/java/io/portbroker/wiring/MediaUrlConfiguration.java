package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.settings.Doc;

/**
 * The rule for client media URLs ({@code image}/{@code document} {@code source.url}), under
 * {@code portbroker.media-urls.*}: https only by default; {@code allow-http} ({@code PORTBROKER_MEDIA_URLS_ALLOW_HTTP})
 * also accepts plain http. Hosts must be public or on the SSRF allow-lists ({@code portbroker.ssrf.*}).
 */
@ConfigurationProperties("portbroker.media-urls")
public class MediaUrlConfiguration {
    @Doc("Accept http: media URLs as well as https: (a security setting: restart required).")
    private boolean allowHttp;

    /** Accept {@code http:} media URLs as well as {@code https:}. */
    public boolean isAllowHttp() {
        return allowHttp;
    }

    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }
}
