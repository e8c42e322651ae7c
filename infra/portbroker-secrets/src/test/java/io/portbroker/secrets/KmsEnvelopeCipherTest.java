package io.portbroker.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.crypto.ProviderCredentialVault;
import io.portbroker.core.crypto.SealedDataException;
import io.portbroker.testkit.MotoEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Against moto's KMS: a key is created per test class; data keys really come from GenerateDataKey. */
class KmsEnvelopeCipherTest {

    private static final Map<String, String> CONTEXT =
            Map.of("purpose", "provider-credential", "provider_id", "openai");

    private static KmsClient kms;
    private static String keyArn;
    private static String otherKeyArn;

    @BeforeAll
    static void createKeys() {
        kms = KmsClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        keyArn = kms.createKey(b -> b.description("portbroker test provider keys"))
                .keyMetadata()
                .arn();
        otherKeyArn = kms.createKey(b -> b.description("portbroker test other"))
                .keyMetadata()
                .arn();
    }

    private final KmsEnvelopeCipher cipher = new KmsEnvelopeCipher(kms, keyArn, new SecureRandom());

    @Test
    void open_shouldReturnThePlaintext_whenSealedWithKmsDataKey() {
        // when
        String sealed = cipher.seal("sk-proj-secret".getBytes(StandardCharsets.UTF_8), CONTEXT);

        // then
        assertThat(new String(cipher.open(sealed, CONTEXT), StandardCharsets.UTF_8))
                .isEqualTo("sk-proj-secret");
        String[] parts = sealed.split("\\.");
        assertThat(parts).hasSize(5);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo(keyArn);
        assertThat(sealed).doesNotContain("sk-proj");
    }

    @Test
    void open_shouldRefuse_whenContextNamesAnotherProvider() {
        String sealed = cipher.seal("sk-proj-secret".getBytes(StandardCharsets.UTF_8), CONTEXT);

        // KMS refuses to unwrap the data key under a different encryption context
        assertThatThrownBy(() -> cipher.open(sealed, Map.of("purpose", "provider-credential", "provider_id", "evil")))
                .isExactlyInstanceOf(SealedDataException.class)
                .hasMessageNotContaining("sk-proj");
    }

    @Test
    void open_shouldRefuse_whenTheKeyIdIsSwappedForAnotherKey() {
        // given: the stored key id is replaced by another key this account holds
        String[] parts =
                cipher.seal("x".getBytes(StandardCharsets.UTF_8), CONTEXT).split("\\.");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(otherKeyArn.getBytes(StandardCharsets.UTF_8));

        // then: KMS answers IncorrectKeyException (mapped to SealedDataException); moto answers AccessDenied,
        // which the adapter deliberately lets through (an IAM fault must not look like tampering)
        assertThatThrownBy(() -> cipher.open(String.join(".", parts), CONTEXT))
                .isInstanceOfAny(SealedDataException.class, KmsException.class);
    }

    @Test
    void providerCredentialVault_shouldSealAndOpen_whenBackedByKms() {
        ProviderCredentialVault vault = new ProviderCredentialVault(cipher);

        String sealed = vault.seal("deepseek", "sk-ds-123");

        assertThat(vault.open("deepseek", sealed)).isEqualTo("sk-ds-123");
        assertThatThrownBy(() -> vault.open("openai", sealed)).isInstanceOf(SealedDataException.class);
    }
}
