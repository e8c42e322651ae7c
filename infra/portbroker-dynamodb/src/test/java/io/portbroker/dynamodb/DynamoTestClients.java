package io.portbroker.dynamodb;

import io.portbroker.testkit.MotoEndpoint;
import java.net.URI;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the normal SDK client re-pointed at the emulator, as the container would for the local stack. */
final class DynamoTestClients {

    private static final String BACKEND = "portbroker.it.backend";

    private DynamoTestClients() {}

    static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor interceptor : interceptors) {
                        c.addExecutionInterceptor(interceptor);
                    }
                })
                .build();
    }

    /** A table prefix no other test class or method uses, so tests never see each other's items. */
    static String uniquePrefix(Class<?> testClass) {
        return "pbt-" + testClass.getSimpleName().toLowerCase(Locale.ROOT) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static URI endpoint() {
        if ("localstack".equals(System.getProperty(BACKEND))) {
            return ServiceLoader.load(DynamoEndpointSource.class)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run with -Plocalstack to test against LocalStack"))
                    .endpoint();
        }
        return MotoEndpoint.resolve();
    }
}
