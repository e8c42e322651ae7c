package io.portbroker.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * {@link EnvelopeCipher} over any {@link DataKeySource}: a fresh data key per secret, AES-256-GCM locally with a
 * random 96-bit nonce and the context as associated data. Sealed form, all parts unpadded base64url:
 * {@code v1.<key id>.<wrapped data key>.<nonce>.<ciphertext+tag>}. Thread-safe.
 */
public final class DataKeyEnvelopeCipher implements EnvelopeCipher {

    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final DataKeySource keys;
    private final SecureRandom random;

    public DataKeyEnvelopeCipher(DataKeySource keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    @Override
    public String seal(byte[] plaintext, Map<String, String> context) {
        DataKey key = keys.generate(context);
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] ciphertext = AesGcm.encrypt(key.plaintext(), nonce, plaintext, AesGcm.canonical(context));
            return String.join(
                    ".",
                    VERSION,
                    B64.encodeToString(key.keyId().getBytes(StandardCharsets.UTF_8)),
                    B64.encodeToString(key.wrapped()),
                    B64.encodeToString(nonce),
                    B64.encodeToString(ciphertext));
        } finally {
            Arrays.fill(key.plaintext(), (byte) 0);
        }
    }

    @Override
    public byte[] open(String sealed, Map<String, String> context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw new SealedDataException("sealed secret is malformed");
        }
        byte[] dataKey;
        byte[] nonce;
        byte[] ciphertext;
        String keyId;
        byte[] wrapped;
        try {
            keyId = new String(B64_DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            wrapped = B64_DECODER.decode(parts[2]);
            nonce = B64_DECODER.decode(parts[3]);
            ciphertext = B64_DECODER.decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new SealedDataException("sealed secret is malformed");
        }
        dataKey = keys.unwrap(keyId, wrapped, context);
        try {
            return AesGcm.decrypt(dataKey, nonce, ciphertext, AesGcm.canonical(context));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
