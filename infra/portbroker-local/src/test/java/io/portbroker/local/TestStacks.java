package io.portbroker.local;

import io.portbroker.testkit.MotoEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starting a local stack in a test: a temporary config file, the shared moto, an ephemeral port, no console. */
final class TestStacks {
    private TestStacks() {}

    /** Settings over the shared moto and {@code config}: an ephemeral port and the table prefix {@code prefix}. */
    static LocalStack.Settings.Builder settings(Path config, String prefix) {
        return LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                .port(-1)
                .tablePrefix(prefix);
    }

    /** Starts a stack whose console output (bootstrap keys included) is dropped. */
    static LocalStack startQuietly(LocalStack.Settings.Builder settings) {
        return LocalStack.start(
                settings.build(), new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** Writes {@code yaml} to a new temporary config file. */
    static Path writeConfig(String yaml) {
        try {
            Path file = Files.createTempFile("portbroker-test", ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
