package io.portbroker.local.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Optional;

/** The local server's {@code /portal/} pages; only delegates to {@link PortalFiles}. */
@Controller("/portal")
public class PortalController {
    private final PortalFiles files;

    public PortalController(PortalConfiguration config) {
        this.files = new PortalFiles(config.settings().dir());
    }

    @Get(uris = {"", "/", "/{+path}"})
    public MutableHttpResponse<byte[]> file(HttpRequest<?> request, @Nullable String path) {
        PortalAsset asset = files.serve(
                path == null ? "" : path,
                Optional.ofNullable(request.getHeaders().get("If-None-Match")));
        MutableHttpResponse<byte[]> response =
                HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(asset.status()));
        asset.headers().forEach(response::header);
        return asset.status() == 304 ? response : response.body(asset.body());
    }
}
