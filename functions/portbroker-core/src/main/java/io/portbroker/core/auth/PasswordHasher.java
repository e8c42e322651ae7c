package io.portbroker.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes admin passwords with argon2id into PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>},
 * unpadded base64), verifies them in constant time and says when a stored hash was made with weaker parameters
 * than the current ones ({@link #needsRehash}). Thread-safe.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Argon2Params params;
    private final SecureRandom random;

    public PasswordHasher(Argon2Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    /** A hasher with {@link Argon2Params#ofDefaults()}. */
    public static PasswordHasher ofDefaults() {
        return new PasswordHasher(Argon2Params.ofDefaults(), new SecureRandom());
    }

    /** A fresh PHC string for the password, with a random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, params, HASH_BYTES);
        return "$argon2id$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether the password matches the stored PHC string. A malformed or non-argon2id string never matches (it
     * is not an error: the caller answers "wrong password" either way).
     */
    public boolean verify(String password, String phc) {
        Optional<Phc> parsed = Phc.parse(phc);
        if (parsed.isEmpty()) {
            return false;
        }
        Phc stored = parsed.get();
        byte[] candidate = derive(password, stored.salt(), stored.params(), stored.hash().length);
        return MessageDigest.isEqual(candidate, stored.hash());
    }

    /** True when the stored string is malformed or was made with parameters other than the current ones. */
    public boolean needsRehash(String phc) {
        return Phc.parse(phc).map(p -> !p.params().equals(params)).orElse(true);
    }

    private static byte[] derive(String password, byte[] salt, Argon2Params params, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    /** A parsed PHC string; only argon2id version 19 with sane sizes is accepted. */
    private record Phc(Argon2Params params, byte[] salt, byte[] hash) {

        static Optional<Phc> parse(String phc) {
            if (phc == null) {
                return Optional.empty();
            }
            String[] parts = phc.split("\\$", -1);
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
                return Optional.empty();
            }
            try {
                Argon2Params params = params(parts[3]);
                byte[] salt = B64_DECODER.decode(parts[4]);
                byte[] hash = B64_DECODER.decode(parts[5]);
                if (params == null || salt.length < 8 || hash.length < 16 || hash.length > 64) {
                    return Optional.empty();
                }
                return Optional.of(new Phc(params, salt, hash));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static Argon2Params params(String text) {
            String[] fields = text.split(",", -1);
            if (fields.length != 3
                    || !fields[0].startsWith("m=")
                    || !fields[1].startsWith("t=")
                    || !fields[2].startsWith("p=")) {
                return null;
            }
            return new Argon2Params(
                    Integer.parseInt(fields[0].substring(2)),
                    Integer.parseInt(fields[1].substring(2)),
                    Integer.parseInt(fields[2].substring(2)));
        }
    }
}
