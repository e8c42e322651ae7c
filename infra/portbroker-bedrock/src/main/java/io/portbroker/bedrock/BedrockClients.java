package io.portbroker.bedrock;

import io.portbroker.core.routing.BedrockModel;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The Bedrock runtime clients of this container, created on first use per region and endpoint (a container that
 * never routes to Bedrock never builds one) and kept for its life. The builders are the container's: they set the
 * credentials (the default chain), HTTP clients, retries (none: the orchestrator retries) and the endpoint.
 */
public final class BedrockClients implements AutoCloseable {
    private final BiFunction<String, URI, BedrockRuntimeClient> syncBuilder;
    private final BiFunction<String, URI, BedrockRuntimeAsyncClient> asyncBuilder;
    private final Map<Key, BedrockRuntimeClient> sync = new ConcurrentHashMap<>();
    private final Map<Key, BedrockRuntimeAsyncClient> async = new ConcurrentHashMap<>();

    /**
     * @param syncBuilder builds the sync client for a region and endpoint
     * @param asyncBuilder builds the async (streaming) client for a region and endpoint
     */
    public BedrockClients(
            BiFunction<String, URI, BedrockRuntimeClient> syncBuilder,
            BiFunction<String, URI, BedrockRuntimeAsyncClient> asyncBuilder) {
        this.syncBuilder = syncBuilder;
        this.asyncBuilder = asyncBuilder;
    }

    /** The sync client for the model's region at {@code endpoint}. */
    public BedrockRuntimeClient sync(BedrockModel model, URI endpoint) {
        return sync.computeIfAbsent(
                new Key(model.region(), endpoint), k -> syncBuilder.apply(k.region(), k.endpoint()));
    }

    /** The async client for the model's region at {@code endpoint}. */
    public BedrockRuntimeAsyncClient async(BedrockModel model, URI endpoint) {
        return async.computeIfAbsent(
                new Key(model.region(), endpoint), k -> asyncBuilder.apply(k.region(), k.endpoint()));
    }

    /** How many clients were built so far (sync and async). */
    public int built() {
        return sync.size() + async.size();
    }

    @Override
    public void close() {
        sync.values().forEach(BedrockRuntimeClient::close);
        async.values().forEach(BedrockRuntimeAsyncClient::close);
        sync.clear();
        async.clear();
    }

    private record Key(String region, URI endpoint) {}
}
