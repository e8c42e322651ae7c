package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.settings.InfrastructureSettings;
import io.portbroker.core.settings.LayeredSettings;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The container owns the AWS clients: one of each, with the region and (locally) the moto endpoint from
 * configuration. Credentials come from the default chain (the Lambda role in AWS; dummy values locally).
 */
@Factory
public class AwsClientsFactory {
    private final InfrastructureSettings config;

    /** Configured from the file and environment layers: the remote layer is read with these clients. */
    public AwsClientsFactory(@Named("local") LayeredSettings settings) {
        this.config = settings.settings().infrastructure();
    }

    @Singleton
    DynamoDbClient dynamoDbClient(io.micronaut.context.BeanProvider<io.portbroker.core.metrics.Metrics> metrics) {
        return configure(DynamoDbClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(
                        new io.portbroker.dynamodb.DbLatencyInterceptor(metrics::get, config.tablePrefix())))
                .build();
    }

    @Singleton
    SecretsManagerClient secretsManagerClient() {
        return configure(SecretsManagerClient.builder()).build();
    }

    @Singleton
    KmsClient kmsClient() {
        return configure(KmsClient.builder()).build();
    }

    @Singleton
    SsmClient ssmClient() {
        return configure(SsmClient.builder()).build();
    }

    /** Region, URLConnection HTTP client and (locally) the endpoint override; other functions' clients use it too. */
    public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(Region.of(config.region())).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (!config.awsEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.awsEndpoint()));
        }
        return builder;
    }
}
