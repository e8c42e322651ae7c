package io.portbroker.local.portal;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * The local server's {@code /portal/} pages; only delegates to {@link PortalFiles}. A filter rather than a
 * controller: the gateway's catch-all {@code /{+path}} controller would otherwise compete for these paths.
 */
@Filter(patterns = {"/portal", "/portal/**"})
public class PortalFilter implements HttpServerFilter {
    private static final String PREFIX = "/portal/";
    private final PortalFiles files;

    public PortalFilter(PortalConfiguration config) {
        this.files = new PortalFiles(config.settings().dir());
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getPath();
        boolean portal = path.equals("/portal") || path.startsWith(PREFIX);
        if (!portal || (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD)) {
            return chain.proceed(request);
        }
        String relative = path.length() <= PREFIX.length() ? "" : path.substring(PREFIX.length());
        PortalAsset asset =
                files.serve(relative, Optional.ofNullable(request.getHeaders().get("If-None-Match")));
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(asset.status()));
        asset.headers().forEach(response::header);
        if (asset.status() != 304) {
            response.body(asset.body());
        }
        return Publishers.just(response);
    }
}
