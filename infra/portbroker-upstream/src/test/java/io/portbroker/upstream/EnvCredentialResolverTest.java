package io.portbroker.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.upstream.CredentialEnvPolicy;
import io.portbroker.error.ProviderAuthError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class EnvCredentialResolverTest {
    private final Map<String, String> environment = Map.of(
            "PB_UPSTREAM_KEY", "value-of-the-variable",
            "OTHER_KEY", "value-of-another-variable",
            "JAVA_HOME", "/usr/lib/jvm/some-jdk");

    @Test
    void resolve_shouldReturnTheVariable_whenAnAllowedNameIsAskedForAgain() {
        EnvCredentialResolver resolver = new EnvCredentialResolver(environment);

        assertThat(resolver.resolve("env:PB_UPSTREAM_KEY")).isEqualTo("value-of-the-variable");
        assertThat(resolver.resolve("env:PB_UPSTREAM_KEY")).isEqualTo("value-of-the-variable");
        assertThat(resolver.resolve("env:OTHER_KEY")).isEqualTo("value-of-another-variable");
    }

    @Test
    @Tag("error-path")
    void resolve_shouldRefuseEveryTime_whenThePolicyRefusesTheName() {
        // given: a required prefix; a refused name must never be remembered as allowed
        EnvCredentialResolver resolver =
                new EnvCredentialResolver(environment, new CredentialEnvPolicy(List.of("PB_")));
        resolver.resolve("env:PB_UPSTREAM_KEY");

        // when / then
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resolver.resolve("env:OTHER_KEY"))
                    .isInstanceOf(ProviderAuthError.class)
                    .hasMessageNotContaining("OTHER_KEY");
            assertThatThrownBy(() -> resolver.resolve("env:JAVA_HOME"))
                    .isInstanceOf(ProviderAuthError.class)
                    .hasMessage("the provider's credential variable is not an allowed name");
        }
    }

    @Test
    @Tag("error-path")
    void resolve_shouldRefuse_whenTheVariableIsMissingOrTheSchemeUnknown() {
        EnvCredentialResolver resolver = new EnvCredentialResolver(environment);

        assertThatThrownBy(() -> resolver.resolve("env:PB_MISSING_KEY"))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("the provider's credential variable is not set");
        assertThatThrownBy(() -> resolver.resolve("vault:x"))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("unsupported credential reference scheme");
    }
}
