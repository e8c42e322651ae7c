package io.portbroker.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Tells an EventBridge schedule's invocation from an API Gateway one; both reach the admin function. */
public final class ScheduledEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledEvents() {}

    /** True for the event an EventBridge schedule rule sends ({@code source aws.events, Scheduled Event}). */
    public static boolean isScheduled(byte[] eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            return event != null
                    && "aws.events".equals(event.path("source").asText())
                    && "Scheduled Event".equals(event.path("detail-type").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The name of the rule that sent a scheduled event (the last part of its first resource ARN), or "". */
    public static String ruleName(byte[] eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            String arn = event == null ? "" : event.path("resources").path(0).asText("");
            return arn.substring(arn.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return "";
        }
    }
}
