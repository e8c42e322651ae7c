package io.portbroker.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoEndpointTest {

    @TempDir
    Path root;

    @Test
    void resolve_shouldPreferTheSystemProperty_whenBothAreSet() {
        assertThat(MotoEndpoint.resolve(" http://127.0.0.1:5001 ", "http://127.0.0.1:5002", root))
                .isEqualTo(URI.create("http://127.0.0.1:5001"));
    }

    @Test
    void resolve_shouldUseTheEnvironment_whenPropertyIsBlank() {
        // the root pom sets the property to an empty value when no endpoint is given
        assertThat(MotoEndpoint.resolve("", "http://127.0.0.1:5002", root))
                .isEqualTo(URI.create("http://127.0.0.1:5002"));
    }

    @Test
    void resolve_shouldRunTheScriptFromTheRepositoryRoot_whenNothingIsConfigured() throws IOException {
        // given: a repository whose moto.sh prints progress, then the endpoint on its last line
        givenRepository("echo building venv; echo http://127.0.0.1:5999");
        Path module = Files.createDirectories(root.resolve("infra/some-module"));

        // when
        URI endpoint = MotoEndpoint.resolve(null, " ", module);

        // then
        assertThat(endpoint).isEqualTo(URI.create("http://127.0.0.1:5999"));
    }

    @Test
    void resolve_shouldFail_whenTheScriptFails() throws IOException {
        givenRepository("exit 3");

        assertThatThrownBy(() -> MotoEndpoint.resolve(null, null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MotoEndpoint.PROPERTY);
    }

    @Test
    void resolve_shouldFail_whenTheScriptPrintsNoUrl() throws IOException {
        givenRepository("echo started");

        assertThatThrownBy(() -> MotoEndpoint.resolve(null, null, root))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scripts/moto.sh printed no endpoint URL");
    }

    @Test
    void repositoryRoot_shouldFail_whenNoDirectoryHoldsMvnw() {
        assertThatThrownBy(() -> MotoEndpoint.repositoryRoot(root.resolve("nowhere")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mvnw");
    }

    private void givenRepository(String script) throws IOException {
        Files.writeString(root.resolve("mvnw"), "#!/bin/sh\n");
        Files.createDirectories(root.resolve("scripts"));
        Files.writeString(root.resolve("scripts/moto.sh"), script + "\n");
    }
}
