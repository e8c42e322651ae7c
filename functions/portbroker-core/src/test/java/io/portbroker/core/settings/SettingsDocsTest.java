package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the generator writes for the core groups. The check that docs/configuration.md is current (with the start-up
 * groups of the wiring module) is {@code io.portbroker.wiring.ConfigurationDocsTest}.
 */
class SettingsDocsTest {
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

    @Test
    void render_shouldEndWithTheHandRunWalkthrough_whenCalled() {
        // when
        String doc = SettingsDocs.render();

        // then: route weight, CORS through the admin API and SSM, a refusal in the audit log, the sources
        assertThat(doc.substring(doc.indexOf("## Walkthrough")))
                .contains("./pb local", "/admin/v1/routes/", "PATCH $B/admin/v1/config", "AmazonSSM.PutParameter")
                .contains("action=config.reload_rejected", "config.update_rejected", "/admin/v1/config/effective");
    }
}
