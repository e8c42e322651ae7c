package io.portbroker.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ProviderAuthError;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompositeCredentialResolverTest {
    private final CompositeCredentialResolver resolver = new CompositeCredentialResolver(Map.of(
            "env", ref -> "from-env:" + ref,
            "secret", ref -> "from-secrets:" + ref));

    @Test
    void resolve_shouldAskTheResolverOfTheScheme_whenTheSchemeIsKnown() {
        assertThat(resolver.resolve("env:DEEPSEEK_API_KEY")).isEqualTo("from-env:env:DEEPSEEK_API_KEY");
        assertThat(resolver.resolve("secret:portbroker/openai")).isEqualTo("from-secrets:secret:portbroker/openai");
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"vault:openai", "OPENAI_API_KEY", ":nothing"})
    void resolve_shouldFailAsAGatewayFault_whenTheSchemeIsUnknownOrMissing(String ref) {
        assertThatThrownBy(() -> resolver.resolve(ref))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("unsupported credential reference scheme");
    }
}
