package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.portbroker.core.config.ConfigFileException;
import io.portbroker.testkit.MotoEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** What the local stack does on its first and later starts, and the settings it refuses to start with. */
class LocalStackStartupTest {
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("bootstrap admin user 'admin'.*\\n {2}(\\S+)\\n");

    @Test
    void start_shouldPrintTheBootstrapAdminPasswordOnce_whenNoneIsSupplied() throws IOException {
        // given
        String prefix = fresh();
        Path config = emptyConfig();

        // when
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        String password;
        try (LocalStack stack = start(prefix, config, Map.of(), first)) {
            Matcher m = PRINTED_PASSWORD.matcher(first.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            password = m.group(1);
            int status = call(
                            stack,
                            "POST",
                            "/admin/v1/auth/login",
                            Map.of(),
                            "{\"username\": \"admin\", \"password\": \"" + password + "\"}")
                    .statusCode();
            assertThat(status).isEqualTo(200);
        }
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (LocalStack again = start(prefix, config, Map.of(), second)) {
            // then: the account exists; nothing is printed the second time
            assertThat(second.toString(StandardCharsets.UTF_8))
                    .doesNotContain("bootstrap admin user")
                    .doesNotContain(password);
        }
    }

    @Test
    void start_shouldRefuse_whenTheJwtSigningSecretIsShorterThan32Bytes() throws IOException {
        // given: an operator stored a weak secret
        String prefix = fresh();
        SecretsManagerClient sm = SecretsManagerClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .build();
        sm.createSecret(b -> b.name(prefix + "/admin-jwt-secret").secretString("too-short-secret"));

        // when
        Throwable thrown = catchThrowable(() -> start(prefix, emptyConfig(), Map.of(), new ByteArrayOutputStream()));

        // then
        assertThat(rootCause(thrown)).hasMessage("JWT signing secret must be at least 32 bytes");
    }

    @Test
    void start_shouldRefuse_whenCorsAllowsAnyOriginWithCredentials() throws IOException {
        // when
        Throwable thrown = catchThrowable(() -> start(
                fresh(),
                emptyConfig(),
                Map.of("portbroker.runtime.cors.allowed-origins", "*"),
                new ByteArrayOutputStream()));

        // then: the settings binding refuses it, naming the key
        assertThat(rootCause(thrown))
                .hasMessageContaining("portbroker.runtime.cors.allowed-origins: element 1 must match");
    }

    @Test
    void start_shouldRefuseToSeed_whenTheConfigFilePointsAProviderAtTheMetadataAddress() throws IOException {
        // given
        Path config = Files.createTempFile("portbroker-ssrf", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: metadata
                    base_url: https://169.254.169.254/latest
                """);

        // when
        Throwable thrown = catchThrowable(() -> start(fresh(), config, Map.of(), new ByteArrayOutputStream()));

        // then
        assertThat(thrown)
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("providers.metadata.base_url: base URL points to a non-public address");
    }

    private static LocalStack start(String prefix, Path config, Map<String, Object> props, ByteArrayOutputStream out) {
        return LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                        .port(-1)
                        .tablePrefix(prefix)
                        .extraProperties(props)
                        .build(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static String fresh() {
        return "pbstart-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Path emptyConfig() throws IOException {
        Path config = Files.createTempFile("portbroker-start", ".yaml");
        Files.writeString(config, AdminHttp.MINIMAL_CONFIG);
        return config;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
