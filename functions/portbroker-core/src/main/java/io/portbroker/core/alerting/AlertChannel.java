package io.portbroker.core.alerting;

/** Port: where notifications go (webhook, SNS, …). May throw; the manager logs and carries on. */
public interface AlertChannel {
    void send(Alert alert);
}
