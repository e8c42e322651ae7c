package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.settings.SettingsLayer;
import org.junit.jupiter.api.Test;

/**
 * The names the IaC passes (template.yaml, terraform/modules/portbroker) must reach the typed settings in the
 * "function" environment; surefire sets them as the Lambda service would (see this module's pom).
 */
class FunctionEnvironmentTest {

    @Test
    void settings_shouldTakeSecretAndKeyArnsAndRegion_fromTheFunctionEnvironmentVariables() {
        // given
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("function")
                .start()) {
            // when
            LayeredSettings layered = context.getBean(LayeredSettings.class, Qualifiers.byName("local"));
            Settings settings = layered.settings();

            // then
            assertThat(settings.security().pepperSecretId())
                    .isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:pepper");
            assertThat(settings.security().thinkingKeySecretId())
                    .isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:thinking");
            assertThat(settings.infrastructure().region()).isEqualTo("eu-west-1");
            assertThat(settings.infrastructure().tablePrefix()).isEqualTo("pb-test");
            assertThat(settings.infrastructure().environment()).isEqualTo("test");
            assertThat(settings.security().kmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:1:key/credentials");
            assertThat(settings.security().jwtSecretId()).isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:jwt");
            assertThat(layered.sources().get("infrastructure.table-prefix")).isEqualTo(SettingsLayer.ENVIRONMENT);
            assertThat(layered.sources().get("runtime.ping-interval")).isEqualTo(SettingsLayer.DEFAULT);
        }
    }
}
