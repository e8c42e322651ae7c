package io.portbroker.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds the moto server every integration test talks to, the same way in every module: the system property
 * {@value #PROPERTY} when set (the test script sets it), else the environment variable {@value #ENV}, else it
 * runs {@code scripts/moto.sh} from the repository root (the directory holding {@code mvnw}) and uses the URL the
 * script prints. The script leaves the server running for later test runs; {@code scripts/moto.sh stop} ends it.
 */
public final class MotoEndpoint {

    public static final String PROPERTY = "portbroker.moto.endpoint";
    public static final String ENV = "PORTBROKER_MOTO_ENDPOINT";
    /** Building the Python venv the first time takes most of a minute. */
    private static final long SCRIPT_TIMEOUT_SECONDS = 300;

    private static URI resolved;

    private MotoEndpoint() {}

    /**
     * The endpoint, resolved once per JVM.
     *
     * @throws IllegalStateException when no endpoint is configured and the script cannot start moto
     */
    public static synchronized URI resolve() {
        if (resolved == null) {
            resolved = resolve(
                    System.getProperty(PROPERTY),
                    System.getenv(ENV),
                    Path.of("").toAbsolutePath());
        }
        return resolved;
    }

    /** The resolution rule itself, with its inputs passed in so it can be tested. */
    static URI resolve(String property, String env, Path workingDirectory) {
        if (property != null && !property.isBlank()) {
            return URI.create(property.strip());
        }
        if (env != null && !env.isBlank()) {
            return URI.create(env.strip());
        }
        return start(repositoryRoot(workingDirectory));
    }

    /**
     * The nearest directory at or above {@code start} that holds {@code mvnw}.
     *
     * @throws IllegalStateException when there is none
     */
    static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw) above " + start);
    }

    private static URI start(Path root) {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", root.resolve("scripts/moto.sh").toString())
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/moto.sh did not start moto; set " + PROPERTY + " or " + ENV);
            }
            String url =
                    output.strip().lines().reduce((first, second) -> second).orElse("");
            if (!url.startsWith("http")) {
                throw new IllegalStateException("scripts/moto.sh printed no endpoint URL");
            }
            return URI.create(url);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/moto.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting moto", e);
        }
    }
}
