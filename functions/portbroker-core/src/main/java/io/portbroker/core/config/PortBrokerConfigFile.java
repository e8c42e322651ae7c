package io.portbroker.core.config;

import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed and validated {@code portbroker.yaml}: the providers and routes it defines, with defaults applied.
 *
 * <p>Providers name the environment variable holding their key ({@code api_key_env}); the resulting {@link
 * ProviderConfig#credentialRef()} is {@code env:NAME}, or null when the provider needs no key (a local server).
 * Profile fields left out take the values of {@link
 * io.portbroker.protocol.openai.OpenAiChatCapabilities#defaultProfile()}; timeouts left out take {@link
 * ProviderConfig.Timeouts#defaults()}; routes default to the {@code priority} strategy, target priority to the
 * target's position and weight to 1.
 *
 * @param providers the providers, in file order
 * @param routes the routes, in file order
 */
public record PortBrokerConfigFile(List<ProviderConfig> providers, List<ModelRoute> routes) {

    /** The only file format version so far; the {@code version} key may be left out. */
    public static final int VERSION = 1;

    public PortBrokerConfigFile {
        providers = List.copyOf(providers);
        routes = List.copyOf(routes);
    }

    /**
     * Reads and validates a file.
     *
     * @throws ConfigFileException when the file is invalid (every problem is listed)
     * @throws UncheckedIOException when it cannot be read
     */
    public static PortBrokerConfigFile load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses and validates YAML text.
     *
     * @throws ConfigFileException when the text is invalid (every problem is listed)
     */
    public static PortBrokerConfigFile parse(String yaml) {
        RawConfig raw = YamlConfigReader.read(yaml);
        Problems problems = new Problems();
        problems.require(raw.version() == null || raw.version() == VERSION, "version", "must be " + VERSION);
        List<ProviderConfig> providers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<RawConfig.Provider> rawProviders = raw.providers() == null ? List.of() : raw.providers();
        problems.require(!rawProviders.isEmpty(), "providers", "at least one provider is needed");
        for (int i = 0; i < rawProviders.size(); i++) {
            RawConfig.Provider provider = rawProviders.get(i);
            if (problems.require(provider != null, "providers[" + i + "]", "must not be empty")) {
                ProviderConfig config = ProviderSection.read(provider, i, problems);
                problems.require(
                        config.id() == null || ids.add(config.id()), "providers[" + config.id() + "]", "duplicate id");
                providers.add(config);
            }
        }
        List<ModelRoute> routes = new ArrayList<>();
        Set<String> patterns = new HashSet<>();
        List<RawConfig.Route> rawRoutes = raw.routes() == null ? List.of() : raw.routes();
        for (int i = 0; i < rawRoutes.size(); i++) {
            RawConfig.Route route = rawRoutes.get(i);
            if (problems.require(route != null, "routes[" + i + "]", "must not be empty")) {
                ModelRoute config = RouteSection.read(route, i, ids, problems);
                problems.require(
                        config.pattern() == null || patterns.add(config.pattern()),
                        "routes[" + config.pattern() + "]",
                        "duplicate model pattern");
                routes.add(config);
            }
        }
        problems.throwIfAny();
        return new PortBrokerConfigFile(providers, routes);
    }
}
