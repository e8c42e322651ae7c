package io.portbroker.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build's proof that a dialect is "new files plus a registration line": the packages that existed before the
 * newer dialects (and the IR and codec contracts every dialect builds on) never refer to the newer dialects'
 * packages. A plain source scan of {@code src/main/java}, so it needs no extra dependency.
 */
class DialectBoundariesTest {
    private static final Path MAIN = Path.of("src/main/java/io/portbroker");

    @ParameterizedTest(name = "{0} must not use {1}")
    @CsvSource({
        "protocol/ir, io.portbroker.protocol.anthropic",
        "protocol/ir, io.portbroker.protocol.openai",
        "protocol/ir, io.portbroker.protocol.ingress",
        "protocol/ir, io.portbroker.protocol.upstream",
        "protocol/codec, io.portbroker.protocol.anthropic",
        "protocol/codec, io.portbroker.protocol.openai",
        "protocol/codec, io.portbroker.protocol.ingress",
        "protocol/codec, io.portbroker.protocol.upstream",
        "error, io.portbroker.protocol.anthropic",
        "error, io.portbroker.protocol.openai",
        "protocol/anthropic, io.portbroker.protocol.ingress",
        "protocol/anthropic, io.portbroker.protocol.upstream",
        "protocol/openai, io.portbroker.protocol.ingress",
        "protocol/openai, io.portbroker.protocol.upstream",
        "protocol/sse, io.portbroker.protocol.ingress",
        "protocol/sse, io.portbroker.protocol.upstream",
        "protocol/profile, io.portbroker.protocol.ingress",
        "protocol/profile, io.portbroker.protocol.upstream",
        "protocol/profile, io.portbroker.protocol.openai",
        "protocol/profile, io.portbroker.protocol.anthropic",
        "protocol/ingress/openai, io.portbroker.protocol.upstream",
        "protocol/upstream/anthropic, io.portbroker.protocol.ingress"
    })
    void sources_shouldNotReferToNewerDialects_whenInAnOlderOrSharedPackage(String dir, String forbidden)
            throws IOException {
        // given
        Path root = MAIN.resolve(dir);
        assertThat(root).isDirectory();

        // when
        List<String> offenders;
        try (Stream<Path> files = Files.list(root)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains(forbidden + "."))
                    .map(f -> f.getFileName().toString())
                    .toList();
        }

        // then
        assertThat(offenders).as("files in %s referring to %s", dir, forbidden).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
