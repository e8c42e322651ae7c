package io.portbroker.core.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * Where the server's secrets live and how long credentials are trusted ({@code portbroker.security.*}). Only ids
 * and ARNs: the secret values stay in Secrets Manager and KMS (a JWT key under 32 bytes refuses to start). Read
 * once at start; a reload that changes one of these is refused (restart required).
 *
 * @param pepperSecretId Secrets Manager id of the API key HMAC pepper
 * @param thinkingKeySecretId Secrets Manager id of the thinking-signature key
 * @param jwtSecretId Secrets Manager id of the admin JWT signing key
 * @param kmsKeyId KMS key that seals stored provider API keys
 * @param adminTokenTtl lifetime of an admin access token
 * @param credentialCacheTtl how long a decrypted provider key is reused
 * @param keyCacheTtl how long an authenticated client key is served from the container's cache (how late a
 *     revocation is seen)
 * @param ssrf exceptions to the SSRF rules
 * @param edge the HTTP server's request read deadline and trusted proxies
 */
public record SecuritySettings(
        @Doc("Secrets Manager id or ARN of the HMAC pepper of client API key hashes.") @NotBlank @SecretSetting
        String pepperSecretId,

        @Doc("Secrets Manager id or ARN of the key that signs thinking blocks.") @NotBlank @SecretSetting
        String thinkingKeySecretId,

        @Doc("Secrets Manager id or ARN of the admin JWT signing key (at least 32 bytes, else no start).")
        @NotBlank
        @SecretSetting
        String jwtSecretId,

        @Doc("KMS key (id, ARN or alias) that wraps the data keys of stored provider API keys.") @NotBlank
        String kmsKeyId,

        @Doc("Lifetime of an admin access token.") @DurationRange(min = "1m", max = "1h")
        Duration adminTokenTtl,

        @Doc("How long a decrypted provider API key is reused before KMS is asked again.")
        @DurationRange(min = "0s", max = "1h")
        Duration credentialCacheTtl,

        @Doc("How long an authenticated client API key is served from the container's cache (revocation delay).")
        @DurationRange(min = "0s", max = "5m")
        Duration keyCacheTtl,

        @Valid SsrfSettings ssrf,

        @Valid EdgeSettings edge) {

    public static SecuritySettings ofDefaults() {
        return new SecuritySettings(
                "portbroker/key-pepper",
                "portbroker/thinking-key",
                "portbroker/admin-jwt-secret",
                "alias/portbroker-provider-keys",
                Duration.ofMinutes(15),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5),
                SsrfSettings.ofDefaults(),
                EdgeSettings.ofDefaults());
    }
}
