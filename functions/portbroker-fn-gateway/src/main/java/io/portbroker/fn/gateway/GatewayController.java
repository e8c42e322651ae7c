package io.portbroker.fn.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Options;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.ssrf.ClientAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The only controller: hands every request to the plain-Java {@link ApiHandler} on a virtual thread and returns
 * the response it produces (complete, or streamed chunk by chunk).
 */
@Controller
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.ALL)
@io.micronaut.http.annotation.Consumes(io.micronaut.http.MediaType.ALL)
public class GatewayController {
    private final ApiHandler api;
    private final OverloadGate overload;
    private final ClientAddress clientAddress;
    private final StreamBodies streams;

    public GatewayController(ApiHandler api, OverloadGate overload, ClientAddress clientAddress, StreamBodies streams) {
        this.api = api;
        this.overload = overload;
        this.clientAddress = clientAddress;
        this.streams = streams;
    }

    @Get(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> get(HttpRequest<?> request, @Nullable String path) {
        return dispatch(request, null);
    }

    /** CORS preflights of the admin UI; the admin API's CORS handler answers them. */
    @Options(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> options(HttpRequest<?> request, @Nullable String path) {
        return dispatch(request, null);
    }

    @Post(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> post(
            HttpRequest<?> request, @Nullable String path, @Nullable @Body byte[] body) {
        return dispatch(request, body);
    }

    @Put(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> put(
            HttpRequest<?> request, @Nullable String path, @Nullable @Body byte[] body) {
        return dispatch(request, body);
    }

    @Patch(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> patch(
            HttpRequest<?> request, @Nullable String path, @Nullable @Body byte[] body) {
        return dispatch(request, body);
    }

    @Delete(uris = {"/", "/{+path}"})
    public CompletableFuture<MutableHttpResponse<?>> delete(
            HttpRequest<?> request, @Nullable String path, @Nullable @Body byte[] body) {
        return dispatch(request, body);
    }

    /**
     * Any other method (TRACE, QUERY, ...) is handed to the core as well, which answers it in the caller's envelope;
     * without this Micronaut answered 405 in its own format (found by the API fuzzer).
     */
    @io.micronaut.http.annotation.Error(status = io.micronaut.http.HttpStatus.METHOD_NOT_ALLOWED, global = true)
    public CompletableFuture<MutableHttpResponse<?>> otherMethod(HttpRequest<?> request) {
        return dispatch(request, null);
    }

    private CompletableFuture<MutableHttpResponse<?>> dispatch(HttpRequest<?> request, byte[] body) {
        NettyResponder responder = new NettyResponder(onClientGone -> streams.open(request, onClientGone));
        var refused = overload.admit(request, responder.response());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String query = request.getUri().getRawQuery();
        // the TCP peer; X-Forwarded-For only past proxies on portbroker.security.edge.trusted-proxies
        String sourceIp = request.getRemoteAddress().getAddress() == null
                ? ""
                : clientAddress.resolve(
                        request.getRemoteAddress().getAddress().getHostAddress(),
                        request.getHeaders().getAll("X-Forwarded-For"));
        ApiRequest apiRequest = new ApiRequest(
                request.getMethodName(),
                request.getPath(),
                query,
                headers,
                body == null ? new byte[0] : body,
                sourceIp);
        Thread.ofVirtual().name("pb-request").start(() -> {
            try {
                api.handle(apiRequest, responder);
            } finally {
                responder.failIfUnanswered();
            }
        });
        return responder.response();
    }
}
