package io.portbroker.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a 96-bit nonce and 128-bit tag, and the canonical byte form of an encryption context. */
final class AesGcm {

    static final int NONCE_BYTES = 12;
    static final int KEY_BYTES = 32;

    private AesGcm() {}

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        return run(Cipher.ENCRYPT_MODE, key, nonce, plaintext, aad);
    }

    /**
     * @throws SealedDataException when the tag does not verify
     */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad) {
        return run(Cipher.DECRYPT_MODE, key, nonce, ciphertext, aad);
    }

    /** {@code len:key=len:value;} per entry in key order, so no two different maps share a form. */
    static byte[] canonical(Map<String, String> context) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(context)
                .forEach((k, v) -> out.append(k.length())
                        .append(':')
                        .append(k)
                        .append('=')
                        .append(v.length())
                        .append(':')
                        .append(v)
                        .append(';'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] run(int mode, byte[] key, byte[] nonce, byte[] input, byte[] aad) {
        if (key.length != KEY_BYTES || nonce.length != NONCE_BYTES) {
            throw new SealedDataException("sealed secret is malformed");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new SealedDataException("sealed secret does not verify");
        } catch (GeneralSecurityException e) {
            throw new SealedDataException("sealed secret cannot be processed");
        }
    }
}
