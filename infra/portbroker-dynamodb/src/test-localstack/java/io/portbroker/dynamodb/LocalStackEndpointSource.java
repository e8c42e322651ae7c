package io.portbroker.dynamodb;

import java.net.URI;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * DynamoDB in a LocalStack container, started once per test JVM and stopped by Testcontainers' reaper. Only on
 * the test classpath with {@code -Plocalstack}; needs a Docker engine. The image can be changed with the system
 * property {@code portbroker.localstack.image} (newer LocalStack images may want an auth token).
 */
public final class LocalStackEndpointSource implements DynamoEndpointSource {

    private static final String DEFAULT_IMAGE = "localstack/localstack:4.4";
    private static LocalStackContainer container;

    @Override
    public URI endpoint() {
        return start().getEndpoint();
    }

    private static synchronized LocalStackContainer start() {
        if (container == null) {
            String image = System.getProperty("portbroker.localstack.image", DEFAULT_IMAGE);
            LocalStackContainer started =
                    new LocalStackContainer(DockerImageName.parse(image)).withServices("dynamodb");
            started.start();
            container = started;
        }
        return container;
    }
}
