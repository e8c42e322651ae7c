package io.portbroker.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialEnvPolicyTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN",
                "AWS_ACCESS_KEY_ID",
                "PORTBROKER_BOOTSTRAP_ADMIN_KEY",
                "JAVA_TOOL_OPTIONS",
                "PATH",
                "LD_PRELOAD",
                "PYTHONPATH",
                "JAVA_HOME",
                "HOME",
                "_HANDLER",
                "aws_secret_access_key"
            })
    void problem_shouldRefuse_whenTheNameIsTheGatewaysOwn(String name) {
        // the reason reaches 400 bodies and logs, so it never repeats a (possibly revealing) variable name
        assertThat(CredentialEnvPolicy.ofDefaults().problem(name))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("gateway's own environment")
                        .doesNotContain(name.contains("_") ? name : "=never="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPENAI_API_KEY", "DEEPSEEK_API_KEY", "PB_FAKE_UPSTREAM_KEY"})
    void allows_shouldAccept_whenTheNameIsAProviderKeyOutsideTheOwnNamespaces(String name) {
        assertThat(CredentialEnvPolicy.ofDefaults().allows(name)).isTrue();
    }

    @Test
    void problem_shouldRequireAConfiguredPrefix_whenOneIsSet() {
        CredentialEnvPolicy policy = new CredentialEnvPolicy(List.of("PB_PROVIDER_"));

        assertThat(policy.allows("PB_PROVIDER_OPENAI")).isTrue();
        assertThat(policy.problem("OPENAI_API_KEY"))
                .contains("must start with one of the allowed prefixes [PB_PROVIDER_]");
        assertThat(policy.problem(" ")).contains("must name an environment variable");
    }

    @Test
    void constructor_shouldRefuse_whenARequiredPrefixIsBlankOrDenied() {
        assertThatThrownBy(() -> new CredentialEnvPolicy(List.of("AWS_"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialEnvPolicy(List.of(""))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new CredentialEnvPolicy(null).requiredPrefixes()).isEmpty();
    }
}
