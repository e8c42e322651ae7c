package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.settings.SettingsDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the settings records and the start-up groups and must be current.
 * {@code scripts/test-config-docs.sh} runs this test; with {@code --write} (system property
 * {@code portbroker.docs.write=true}) it rewrites the file.
 */
class ConfigurationDocsTest {
    private static final Path DOC = Path.of("../../docs/configuration.md");

    @Test
    void configurationDoc_shouldMatchTheSettingsRecordsAndStartupGroups_whenGenerated() throws IOException {
        // given
        String generated = SettingsDocs.render(StartupGroups.ALL);
        if (Boolean.getBoolean("portbroker.docs.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }

        // when
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";

        // then
        assertThat(committed)
                .as("docs/configuration.md is stale: run scripts/test-config-docs.sh --write")
                .isEqualTo(generated);
        assertThat(generated)
                .contains("| `portbroker.cache.min-ttl` | `PORTBROKER_CACHE_MIN_TTL` | duration |")
                .contains("`portbroker.overload.max-in-flight`", "`portbroker.media-urls.allow-http`")
                .contains("`portbroker.provider-credentials.env-prefixes`", "`portbroker.stream.max-bytes`")
                .contains("`portbroker.upstream.max-body-bytes`", "`portbroker.observability.alert-webhook-url`");
    }
}
