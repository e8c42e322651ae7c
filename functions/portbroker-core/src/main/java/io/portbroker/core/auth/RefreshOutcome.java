package io.portbroker.core.auth;

/** Result of {@link AdminAuthService#refresh}: new tokens, or a reuse the caller must audit (and answer 401). */
public sealed interface RefreshOutcome {

    /** @param tokens the new access and refresh tokens */
    record Refreshed(AdminTokens tokens) implements RefreshOutcome {}

    /**
     * A used refresh token came back; the family is revoked.
     *
     * @param username whose session it was
     * @param familyId the revoked family
     */
    record ReuseDetected(String username, String familyId) implements RefreshOutcome {}
}
