package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is generated from the records and must be current. {@code scripts/test-config-docs.sh}
 * runs this test; with {@code --write} (system property {@code portbroker.docs.write=true}) it rewrites the file.
 */
class SettingsDocsTest {
    private static final Path DOC = Path.of("../../docs/configuration.md");

    @Test
    void configurationDoc_shouldMatchTheSettingsRecords_whenGenerated() throws IOException {
        // given
        String generated = SettingsDocs.render();
        if (Boolean.getBoolean("portbroker.docs.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }

        // when
        String committed = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";

        // then
        assertThat(committed)
                .as("docs/configuration.md is stale: run scripts/test-config-docs.sh --write")
                .isEqualTo(generated);
    }

    @Test
    void render_shouldListEveryKeyWithItsVariableDefaultAndConstraints_whenCalled() {
        // when
        String doc = SettingsDocs.render();

        // then
        SettingsSchema.keys().forEach(k -> assertThat(doc).contains("`" + k.fullKey() + "`", k.environmentVariable()));
        assertThat(doc)
                .contains("## runtime (reloadable)", "## infrastructure (restart required)")
                .contains(
                        "| `portbroker.runtime.breaker.failure-rate` | `PORTBROKER_RUNTIME_BREAKER_FAILURE_RATE` | double"
                                + " | `0.5` | ≥ 0.01; ≤ 1 |")
                .contains("each matches", "1s … 10m", "(masked when shown)", "`PORTBROKER_TABLE_PREFIX` →");
    }
}
