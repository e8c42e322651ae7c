/**
 * DynamoDB adapters of the core ports ({@link io.portbroker.dynamodb.DynamoApiKeyStore}, {@link
 * io.portbroker.dynamodb.DynamoConfigStore}) and the one table-schema definition with its provisioner. Clients
 * are passed in by the container; nothing here reads the environment or holds a static client.
 */
package io.portbroker.dynamodb;
