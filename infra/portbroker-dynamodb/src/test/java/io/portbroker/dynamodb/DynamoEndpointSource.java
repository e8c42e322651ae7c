package io.portbroker.dynamodb;

import java.net.URI;

/**
 * Where the integration tests' DynamoDB lives. moto by default; the {@code localstack} Maven profile adds an
 * implementation backed by a LocalStack container (registered through {@link java.util.ServiceLoader}) and sets
 * {@code portbroker.it.backend=localstack}.
 */
public interface DynamoEndpointSource {

    URI endpoint();
}
