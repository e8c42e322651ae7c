package io.portbroker.core.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A generic webhook that takes Slack-compatible JSON ({@link AlertJson}): Slack incoming webhooks, Mattermost,
 * Teams connectors and custom receivers all accept it. A non-2xx answer counts as a failure.
 */
public final class WebhookChannel implements AlertChannel {
    private final URI url;
    private final HttpClient http;
    private final Duration timeout;

    public WebhookChannel(URI url, HttpClient http, Duration timeout) {
        this.url = url;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public void send(Alert a) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(AlertJson.body(a)))
                .build();
        try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("webhook answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("webhook unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
