package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/**
 * The names the IaC passes (template.yaml, terraform/modules/portbroker) must reach the typed configuration in the
 * "function" environment; surefire sets them as the Lambda service would (see this module's pom).
 */
class FunctionEnvironmentTest {

    @Test
    void configuration_shouldTakeSecretAndKeyArnsAndRegion_fromTheFunctionEnvironmentVariables() {
        // given
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("function")
                .start()) {
            // when
            GatewayConfiguration config = context.getBean(GatewayConfiguration.class);

            // then
            assertThat(config.getPepperSecretId()).isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:pepper");
            assertThat(config.getThinkingKeySecretId()).isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:thinking");
            assertThat(config.getRegion()).isEqualTo("eu-west-1");
            assertThat(config.getTablePrefix()).isEqualTo("pb-test");
            assertThat(config.getKmsKeyId()).isEqualTo("arn:aws:kms:eu-west-1:1:key/credentials");
            assertThat(config.getJwtSecretId()).isEqualTo("arn:aws:secretsmanager:eu-west-1:1:secret:jwt");
        }
    }
}
