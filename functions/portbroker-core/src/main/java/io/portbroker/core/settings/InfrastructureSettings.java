package io.portbroker.core.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Where the gateway runs and what it is made of ({@code portbroker.infrastructure.*}). Read once at start: a change
 * needs a restart, and a reload that changes one of these is refused.
 *
 * @param region AWS region of every client
 * @param awsEndpoint endpoint override of every AWS client (the emulator locally), empty in AWS
 * @param tablePrefix the deployment's DynamoDB table prefix
 * @param environment the deployment's name (metric dimension, SSM path)
 * @param maxBodyBytes largest request body accepted (also the HTTP server's limit)
 * @param watchdogTick how often the stream watchdogs look
 * @param usageFlush how often batched usage counts are written
 * @param usageQueue finished calls that may wait for the usage flush
 * @param exposeMetrics serve {@code GET /metrics} without a key (loopback servers only)
 * @param emfMetrics write CloudWatch EMF metric lines to stdout
 * @param configPoll how often the config version item is polled for changes made by other containers
 * @param remotePath SSM Parameter Store path of the remote layer, empty for none
 */
public record InfrastructureSettings(
        @Doc("AWS region of every AWS client.") @NotBlank @Pattern(regexp = "[a-z]{2}(-[a-z]+)+-\\d")
        String region,

        @Doc("Endpoint override of every AWS client (the moto emulator locally); empty in AWS.")
        @Pattern(regexp = "(https?://[^\\s]+)?")
        String awsEndpoint,

        @Doc("DynamoDB table prefix: tables are named <prefix>-<table>.")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,200}")
        String tablePrefix,

        @Doc("The deployment's name: metric dimension and default SSM path.")
        @NotBlank
        @Pattern(regexp = "[a-z0-9-]{1,32}")
        String environment,

        @Doc("Largest request body accepted, in bytes (also the HTTP server's limit).")
        @Min(1024)
        @Max(64L * 1024 * 1024)
        long maxBodyBytes,

        @Doc("How often the stream watchdogs look for silence.") @DurationRange(min = "10ms", max = "10s")
        Duration watchdogTick,

        @Doc("How often batched usage counts are written to DynamoDB.") @DurationRange(min = "100ms", max = "5m")
        Duration usageFlush,

        @Doc("Finished calls that may wait for the usage flush before callers flush themselves.")
        @Min(1)
        @Max(1_000_000)
        int usageQueue,

        @Doc("Serve GET /metrics without a key: only for a server bound to loopback (local stack).")
        boolean exposeMetrics,

        @Doc("Write CloudWatch EMF metric lines to stdout (Lambda).")
        boolean emfMetrics,

        @Doc("How often each container polls the config version item for changes made elsewhere.")
        @DurationRange(min = "1s", max = "10m")
        Duration configPoll,

        @Doc("SSM Parameter Store path of the remote layer (e.g. /portbroker/prod/config); empty for none.")
        @Pattern(regexp = "(/[A-Za-z0-9_.-]+)*")
        String remotePath) {

    /** us-east-1, prefix {@code portbroker}, 32 MB bodies, 5 s config polling, no remote layer. */
    public static InfrastructureSettings ofDefaults() {
        return new InfrastructureSettings(
                "us-east-1",
                "",
                "portbroker",
                "dev",
                32L * 1024 * 1024,
                Duration.ofMillis(500),
                Duration.ofSeconds(5),
                10_000,
                false,
                true,
                Duration.ofSeconds(5),
                "");
    }
}
