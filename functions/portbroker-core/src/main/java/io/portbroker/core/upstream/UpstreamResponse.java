package io.portbroker.core.upstream;

import java.io.InputStream;
import java.util.Optional;

/** A provider's answer whose body may still be arriving. Closing it cancels the upstream call. */
public interface UpstreamResponse extends AutoCloseable {

    int status();

    Optional<String> header(String name);

    /** The body as it arrives; reading blocks until bytes come or the stream ends. */
    InputStream body();

    /** Aborts the exchange (client went away, timeout) or releases it after the body was read. */
    @Override
    void close();
}
