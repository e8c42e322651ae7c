package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code invalid/} is one broken config; its first line {@code # expect: ...} is the exact
 * message the parser must give. Adding a case is adding a file.
 */
class PortBrokerConfigFileValidationTest {

    private static final String EXPECT = "# expect: ";

    static Stream<Path> invalidFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(PortBrokerConfigFileValidationTest.class.getResource("invalid"))
                .toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @Tag("error-path")
    @MethodSource("invalidFiles")
    void parse_shouldRejectWithExactMessage_whenFileIsInvalid(Path file) throws IOException {
        // given
        String yaml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(yaml).startsWith(EXPECT);
        String expected = yaml.lines().findFirst().orElseThrow().substring(EXPECT.length());

        // when
        ConfigFileException error =
                catchThrowableOfType(ConfigFileException.class, () -> PortBrokerConfigFile.parse(yaml));

        // then
        assertThat(error).as("%s must be rejected", file.getFileName()).isNotNull();
        assertThat(String.join("; ", error.problems())).startsWith(expected);
        assertThat(error.getMessage()).isEqualTo("invalid portbroker.yaml: " + String.join("; ", error.problems()));
        // values are never echoed: a key pasted into the file must not reach logs through the error
        assertThat(error.getMessage()).doesNotContain("0123456789").doesNotContain("secret@");
    }
}
