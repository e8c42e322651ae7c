package io.portbroker.wiring;

import io.portbroker.core.alerting.Alert;
import io.portbroker.core.alerting.AlertChannel;
import io.portbroker.core.alerting.AlertJson;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes each alert to an SNS topic: the message is the same JSON the webhook gets ({@link AlertJson}), the
 * subject its headline (cut to SNS's 100 characters), and {@code rule}, {@code state} and {@code severity} are
 * message attributes so subscriptions can filter (e.g. only {@code critical} to the pager). SDK failures become one
 * {@link IllegalStateException} naming neither the topic's account nor the credentials; the manager logs it.
 */
public final class SnsAlertChannel implements AlertChannel {
    private static final int SUBJECT_LIMIT = 100;

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertChannel(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void send(Alert a) {
        String subject = AlertJson.headline(a).replaceAll("[\\r\\n]", " ");
        if (subject.length() > SUBJECT_LIMIT) {
            subject = subject.substring(0, SUBJECT_LIMIT - 1) + "…";
        }
        String finalSubject = subject;
        try {
            sns.publish(b -> b.topicArn(topicArn)
                    .subject(finalSubject)
                    .message(AlertJson.body(a))
                    .messageAttributes(Map.of(
                            "rule", text(a.rule()),
                            "state", text(a.state()),
                            "severity", text(a.severity()))));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "SNS publish failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }
}
