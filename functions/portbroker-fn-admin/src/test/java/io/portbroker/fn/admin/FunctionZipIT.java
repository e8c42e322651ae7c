package io.portbroker.fn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Opens the built target/function.zip the way Lambda unpacks it into /var/task. */
class FunctionZipIT {
    private static final Path ZIP = Path.of("target/function.zip");

    @Test
    void lib_shouldHoldTheHandlerAndTheSharedWiringButNoServer_whenPackaged() throws IOException {
        assertThat(ZIP).as("run the package phase first").exists();
        try (FileSystem zip = FileSystems.newFileSystem(
                        URI.create("jar:" + ZIP.toAbsolutePath().toUri()), Map.of());
                Stream<Path> root = Files.list(zip.getPath("/"));
                Stream<Path> lib = Files.list(zip.getPath("/lib"))) {
            // when
            List<String> top =
                    root.map(p -> p.getFileName().toString().replace("/", "")).toList();
            List<String> jars = lib.map(p -> p.getFileName().toString()).toList();

            // then
            assertThat(top).containsExactly("lib");
            assertThat(jars)
                    .anyMatch(j -> j.startsWith("portbroker-fn-admin-"))
                    .anyMatch(j -> j.startsWith("portbroker-wiring-"))
                    .anyMatch(j -> j.startsWith("portbroker-s3-"))
                    .anyMatch(j -> j.startsWith("s3-"))
                    .anyMatch(j -> j.startsWith("bcprov-"))
                    .noneMatch(j -> j.startsWith("netty-") || j.startsWith("portbroker-local"))
                    .noneMatch(j -> j.startsWith("junit") || j.startsWith("portbroker-testkit"));
            assertThat(zip.getPath("/lib/"
                            + jars.stream()
                                    .filter(j -> j.startsWith("portbroker-fn-admin-"))
                                    .findFirst()
                                    .orElseThrow()))
                    .exists();
        }
    }
}
