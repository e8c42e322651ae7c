package io.portbroker.core.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A generic webhook that takes Slack-compatible JSON: {@code text} (what Slack shows) plus the alert's fields, so
 * Slack incoming webhooks, Mattermost, Teams connectors and custom receivers all accept it. A non-2xx answer
 * counts as a failure.
 */
public final class WebhookChannel implements AlertChannel {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        String icon = Alert.FIRING.equals(a.state()) ? ":rotating_light:" : ":white_check_mark:";
        ObjectNode body = JSON.createObjectNode();
        body.put(
                "text",
                icon + " [" + a.state().toUpperCase(java.util.Locale.ROOT) + "] " + a.rule() + " " + a.subject() + ": "
                        + a.summary());
        body.put("rule", a.rule());
        body.put("subject", a.subject());
        body.put("severity", a.severity());
        body.put("state", a.state());
        body.put("summary", a.summary());
        body.put("since", a.since().toString());
        body.put("at", a.at().toString());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
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
