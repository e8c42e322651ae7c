package io.portbroker.core.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The one JSON form of an alert, shared by every channel: Slack-compatible {@code text} (what Slack shows) plus
 * the alert's fields, so Slack incoming webhooks, Mattermost, Teams connectors, SNS subscribers and custom
 * receivers all read the same thing.
 */
public final class AlertJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertJson() {}

    /** The one-line headline, e.g. {@code [FIRING] provider_unhealthy fake/m: …}. */
    public static String headline(Alert a) {
        return "[" + a.state().toUpperCase(Locale.ROOT) + "] " + a.rule() + " " + a.subject() + ": " + a.summary();
    }

    /** The JSON body. */
    public static String body(Alert a) {
        String icon = Alert.FIRING.equals(a.state()) ? ":rotating_light:" : ":white_check_mark:";
        ObjectNode body = JSON.createObjectNode();
        body.put("text", icon + " " + headline(a));
        body.put("rule", a.rule());
        body.put("subject", a.subject());
        body.put("severity", a.severity());
        body.put("state", a.state());
        body.put("summary", a.summary());
        body.put("since", a.since().toString());
        body.put("at", a.at().toString());
        return body.toString();
    }
}
