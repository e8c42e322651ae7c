/**
 * Amazon Bedrock Converse mapping: PortBroker's IR to the AWS SDK v2 {@code bedrockruntime} Converse request
 * shapes and Converse answers and errors back to the IR. SigV4 signing stays with the SDK client.
 */
package io.portbroker.bedrock;
