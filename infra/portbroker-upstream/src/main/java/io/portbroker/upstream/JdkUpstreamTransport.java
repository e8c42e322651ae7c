package io.portbroker.upstream;

import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.CancelledError;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.ProviderTimeoutError;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Calls providers with the JDK HTTP client: connection pooling, HTTP/2 over TLS (HTTP/1.1 for plain http, where
 * h2c upgrades confuse some servers), bodies consumed as they arrive, redirects never followed (a redirect could
 * point a credential-bearing request elsewhere). One client per connect timeout, shared by all requests.
 *
 * <p>Before every request the provider's host is resolved and every address checked by the SSRF guard
 * ({@link GuardedDnsResolver}); a host that now points at a private or metadata address (DNS rebinding after the
 * URL was saved) is refused before any byte is sent. The JDK client then connects by name, and that lookup is
 * checked too: the host is registered with {@link GuardedResolution}, so the JVM resolver
 * ({@link GuardedInetAddressResolverProvider}) applies the same rules to the address actually connected, closing
 * the window between the check and the client's own resolution. Pooled connections were vetted when opened.
 */
public final class JdkUpstreamTransport implements UpstreamTransport {
    private final ConcurrentHashMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();
    private final Executor executor;
    private final GuardedDnsResolver guard;

    /**
     * @param guard the connect-time SSRF check run before each request
     */
    public JdkUpstreamTransport(Executor executor, GuardedDnsResolver guard) {
        this.executor = executor;
        this.guard = guard;
        GuardedResolution.install(guard.policy());
    }

    /**
     * {@inheritDoc}
     *
     * @throws ProviderConnectionError also when the SSRF guard refuses the host's current addresses
     */
    @Override
    public UpstreamResponse send(UpstreamCall call) {
        GuardedResolution.guard(call.url().getHost());
        guard.resolve(call.url());
        HttpClient client = clients.computeIfAbsent(call.connectTimeout(), this::newClient);
        HttpRequest.Builder builder = HttpRequest.newBuilder(call.url())
                .timeout(call.headersTimeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if ("http".equalsIgnoreCase(call.url().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        call.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new JdkResponse(response);
        } catch (HttpConnectTimeoutException e) {
            throw new ProviderTimeoutError("connecting to the provider timed out");
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutError("the provider did not answer within " + call.headersTimeout());
        } catch (IOException e) {
            throw new ProviderConnectionError("the provider could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledError("the call was interrupted");
        }
    }

    private HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_2)
                .executor(executor)
                .build();
    }

    private record JdkResponse(HttpResponse<InputStream> response) implements UpstreamResponse {
        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public InputStream body() {
            return response.body();
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // closing an aborted exchange may fail; the connection is discarded either way
            }
        }
    }
}
