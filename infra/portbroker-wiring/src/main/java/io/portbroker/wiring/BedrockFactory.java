package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.bedrock.BedrockClients;
import io.portbroker.bedrock.BedrockUpstreamClient;
import io.portbroker.bedrock.JdkAsyncHttpClient;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.upstream.UpstreamClients;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The SDK-backed upstreams: Bedrock Converse through runtime clients built lazily per region and endpoint, with
 * credentials from the default chain (the function's role in AWS), no SDK retries (the orchestrator retries, fails
 * over and cools down) and the provider's endpoint. An endpoint other than the region's public one (an
 * {@code endpoint_override}) is checked against the SSRF policy once more before its client is built.
 */
@Factory
public class BedrockFactory {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Singleton
    @Bean(preDestroy = "close")
    BedrockClients bedrockClients(UrlPolicy urls) {
        ClientOverrideConfiguration noRetries = ClientOverrideConfiguration.builder()
                .retryStrategy(b -> b.maxAttempts(1))
                .build();
        return new BedrockClients(
                (region, endpoint) -> BedrockRuntimeClient.builder()
                        .region(Region.of(region))
                        .endpointOverride(checked(urls, region, endpoint))
                        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                        .overrideConfiguration(noRetries)
                        .build(),
                (region, endpoint) -> BedrockRuntimeAsyncClient.builder()
                        .region(Region.of(region))
                        .endpointOverride(checked(urls, region, endpoint))
                        // the JDK's HTTP client on HTTP/1.1, as boto3 uses for ConverseStream: the Lambda package has
                        // no
                        // Netty (50 MB upload limit), and the SDK would pick HTTP/2, which a VPC endpoint or a test
                        // fake
                        // over plain http cannot speak
                        .httpClient(new JdkAsyncHttpClient(HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(CONNECT_TIMEOUT)
                                .build()))
                        .overrideConfiguration(noRetries)
                        .build());
    }

    @Singleton
    UpstreamClients upstreamClients(BedrockClients clients) {
        return new UpstreamClients(List.of(new BedrockUpstreamClient(clients)));
    }

    private static URI checked(UrlPolicy urls, String region, URI endpoint) {
        if (endpoint.equals(URI.create("https://bedrock-runtime." + region + ".amazonaws.com"))) {
            return endpoint;
        }
        return urls.checkOnSeed(endpoint.toString());
    }
}
