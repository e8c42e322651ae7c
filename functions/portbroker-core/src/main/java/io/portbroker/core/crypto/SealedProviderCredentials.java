package io.portbroker.core.crypto;

import io.portbroker.core.logging.Redactor;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.Origin;
import io.portbroker.error.ProviderAuthError;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider API keys written through the admin API, kept sealed in the provider record itself: {@link #store}
 * returns the reference {@code sealed:<provider id>:<envelope>} and {@link #resolve} opens it only when the
 * gateway is about to call the provider. Opened keys are kept in memory for {@code openFor} so a KMS
 * {@code Decrypt} is not paid on every request; the cache is keyed by the sealed text, so a replaced key is never
 * served stale. Thread-safe.
 *
 * <p>The envelope is bound to the provider id in the reference; the resolver port receives only the reference,
 * so that id, not the id of the record holding it, is what the ciphertext is checked against. Keys stored with a
 * destination ({@code sealed:<id>:o.<envelope>}) are also bound to its origin (scheme, host, port) in the
 * encryption context: they open only for a call to that origin, so pointing a provider at another host without
 * sending its key again cannot redirect the key. References without {@code o.} predate the binding: nothing
 * ties them to a host, so they are refused (a 502 asking for the key to be entered again) rather than sent
 * wherever the provider points now.
 */
public final class SealedProviderCredentials
        implements io.portbroker.core.admin.ProviderCredentialVault, CredentialResolver {

    /** The reference scheme (without the colon). */
    public static final String SCHEME = "sealed";

    /** Marks an envelope bound to an origin. */
    private static final String ORIGIN_BOUND = "o.";

    private static final int MAX_CACHED = 256;

    private final ProviderCredentialVault vault;
    private final InstantSource clock;
    private final Duration openFor;
    private final ConcurrentHashMap<String, Opened> opened = new ConcurrentHashMap<>();

    /**
     * @param openFor how long an opened key may be reused before it is decrypted again
     */
    public SealedProviderCredentials(EnvelopeCipher cipher, InstantSource clock, Duration openFor) {
        this.vault = new ProviderCredentialVault(cipher);
        this.clock = clock;
        this.openFor = openFor;
    }

    /**
     * The form written before the origin binding, which {@link #resolve} refuses; the admin API never writes it
     * (it always has the destination). Kept for the port and for tests of that refusal.
     */
    @Override
    public String store(String providerId, String apiKey) {
        Redactor.register(apiKey);
        return SCHEME + ":" + providerId + ":" + vault.seal(providerId, apiKey);
    }

    @Override
    public String store(String providerId, URI destination, String apiKey) {
        Redactor.register(apiKey);
        String origin = Origin.of(destination).toString();
        return SCHEME + ":" + providerId + ":" + ORIGIN_BOUND + vault.seal(providerId, origin, apiKey);
    }

    /** Nothing to do: the sealed key lives in the provider record and goes with it. */
    @Override
    public void delete(String providerId) {
        opened.clear();
    }

    /**
     * Opens a {@code sealed:} reference.
     *
     * @throws ProviderAuthError when the reference is malformed, predates the origin binding, or its envelope
     *     does not open (a gateway fault; the message never holds key material)
     */
    @Override
    public String resolve(String credentialRef) {
        return open(credentialRef, null);
    }

    /**
     * Opens a {@code sealed:} reference for a call to {@code destination}.
     *
     * @throws ProviderAuthError when the reference is malformed, or its envelope does not open for the
     *     destination's origin
     */
    @Override
    public String resolve(String credentialRef, URI destination) {
        return open(credentialRef, Origin.of(destination).toString());
    }

    private String open(String credentialRef, String origin) {
        Instant now = clock.instant();
        String cacheKey = origin == null ? credentialRef : origin + " " + credentialRef;
        Opened cached = opened.get(cacheKey);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.key();
        }
        String[] parts = credentialRef.split(":", 3);
        if (parts.length != 3 || !SCHEME.equals(parts[0]) || parts[1].isEmpty()) {
            throw new ProviderAuthError("malformed sealed credential reference");
        }
        String key;
        try {
            if (!parts[2].startsWith(ORIGIN_BOUND)) {
                // binding it to wherever the provider points at first use would bind it to a base URL an attacker
                // may already have changed; only the operator knows where the key belongs
                throw new ProviderAuthError("the stored API key of provider '" + parts[1] + "' was saved before"
                        + " keys were bound to their provider's address; enter the provider's API key again"
                        + " (PUT /admin/v1/providers/" + parts[1] + " with api_key)");
            } else if (origin == null) {
                throw new ProviderAuthError("the stored provider credential opens only for its provider's origin");
            } else {
                key = vault.open(parts[1], origin, parts[2].substring(ORIGIN_BOUND.length()));
            }
        } catch (SealedDataException e) {
            throw new ProviderAuthError("the stored provider credential cannot be opened");
        }
        Redactor.register(key);
        if (opened.size() >= MAX_CACHED) {
            opened.clear();
        }
        opened.put(cacheKey, new Opened(key, now.plus(openFor)));
        return key;
    }

    private record Opened(String key, Instant until) {
        @Override
        public String toString() {
            return "Opened[until=" + until + "]";
        }
    }
}
