package io.portbroker.core.ssrf;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.InvalidRequestError;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class UrlPolicyGuardTest {
    private final UrlPolicyGuard guard = new UrlPolicyGuard(
            new UrlPolicy(UrlPolicyConfig.strict(), UrlPolicyTest.dns(Map.of("api.example", List.of("104.18.6.192")))));

    @Test
    void check_shouldAcceptAPublicHttpsUrl_whenItResolvesPublicly() {
        assertThatCode(() -> guard.check(URI.create("https://api.example/v1"))).doesNotThrowAnyException();
    }

    @Test
    void checkOnSeed_shouldAcceptAnUnresolvableHostButNotAPrivateOne_whenSeedingOffline() {
        UrlPolicy policy = new UrlPolicy(
                UrlPolicyConfig.strict(), UrlPolicyTest.dns(Map.of("inside.example", List.of("10.1.2.3"))));

        assertThatCode(() -> policy.checkOnSeed("https://offline.example/v1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkOnSave("https://offline.example/v1"))
                .hasMessage("base URL host does not resolve");
        assertThatThrownBy(() -> policy.checkOnSeed("https://inside.example/v1"))
                .hasMessage("base URL resolves to a non-public address");
    }

    @Test
    @Tag("error-path")
    void check_shouldRefuseTheMetadataAddress_whenNotAllowListed() {
        assertThatThrownBy(() -> guard.check(URI.create("https://169.254.169.254/latest")))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessage("base URL points to a non-public address");
        assertThatThrownBy(() -> guard.check(URI.create("http://api.example/v1")))
                .isInstanceOf(InvalidRequestError.class)
                .hasMessage("base URL must use https");
    }
}
