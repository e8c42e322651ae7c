package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
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
    private final GatewayConfiguration config;

    public AwsClientsFactory(GatewayConfiguration config) {
        this.config = config;
    }

    @Singleton
    DynamoDbClient dynamoDbClient(io.micronaut.context.BeanProvider<io.portbroker.core.metrics.Metrics> metrics) {
        return configure(DynamoDbClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(
                        new io.portbroker.dynamodb.DbLatencyInterceptor(metrics::get, config.getTablePrefix())))
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
        builder.region(Region.of(config.getRegion())).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (config.getAwsEndpoint() != null && !config.getAwsEndpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.getAwsEndpoint()));
        }
        return builder;
    }
}
