package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Small parameters keep the tests fast; production uses {@link Argon2Params#ofDefaults()}. */
    static final Argon2Params SMALL = new Argon2Params(256, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(SMALL, new SecureRandom());

    @Test
    void hash_shouldWritePhcString_whenHashingAPassword() {
        // when
        String phc = hasher.hash("correct horse battery staple");

        // then
        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=256,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(phc).doesNotContain("correct");
    }

    @Test
    void verify_shouldAcceptOnlyTheRightPassword_whenHashWasMadeHere() {
        // given
        String phc = hasher.hash("s3cret!");

        // then
        assertThat(hasher.verify("s3cret!", phc)).isTrue();
        assertThat(hasher.verify("s3cret", phc)).isFalse();
        assertThat(hasher.verify("S3cret!", phc)).isFalse();
    }

    @Test
    void hash_shouldUseAFreshSalt_whenSamePasswordIsHashedTwice() {
        // when
        String first = hasher.hash("same");
        String second = hasher.hash("same");

        // then: equal hashes would let a table leak show which admins share a password
        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same", first)).isTrue();
        assertThat(hasher.verify("same", second)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // made by the reference implementation (argon2-cffi 25.1, libargon2): proves format interop
                "$argon2id$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
            })
    void verify_shouldAcceptReferenceHash_whenMadeByLibargon2(String phc) {
        assertThat(hasher.verify("correct horse battery staple", phc)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", phc)).isFalse();
    }

    @Test
    void verify_shouldUseTheStoredParameters_whenTheyDifferFromTheCurrentOnes() {
        // given: libargon2 output with m=64,t=2,p=2 and a non-ASCII password
        String phc = "$argon2id$v=19$m=64,t=2,p=2$ZmVkY2JhOTg3NjU0MzIxMA$qPOz9MMwWSQofcHjSpuhfL21WvIBmx5mhAZmF3e2CRU";

        // then
        assertThat(hasher.verify("pässwörd", phc)).isTrue();
        assertThat(hasher.needsRehash(phc)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "plain-text-password",
                "$argon2i$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=16$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=256,t=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$t=1,m=256,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=256,p=1,t=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=x,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=99999999,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=256,t=1,p=1$!!!$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=256,t=1,p=1$MDEy$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
                "$argon2id$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$MDEy",
                "$argon2id$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg",
                "x$argon2id$v=19$m=256,t=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw",
            })
    void verify_shouldRejectWithoutError_whenStoredHashIsMalformed(String phc) {
        assertThat(hasher.verify("correct horse battery staple", phc)).isFalse();
        assertThat(hasher.needsRehash(phc)).isTrue();
    }

    @Test
    void needsRehash_shouldBeFalse_whenHashUsesTheCurrentParameters() {
        assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
        assertThat(new PasswordHasher(new Argon2Params(512, 1, 1), new SecureRandom()).needsRehash(hasher.hash("pw")))
                .isTrue();
    }

    @Test
    void ofDefaults_shouldUseOwaspParameters_whenCreated() {
        assertThat(Argon2Params.ofDefaults()).isEqualTo(new Argon2Params(19456, 2, 1));
        assertThat(PasswordHasher.ofDefaults()
                        .needsRehash("$argon2id$v=19$m=19456,t=2,p=1$"
                                + "MDEyMzQ1Njc4OWFiY2RlZg$31a+iU4HwUi7v6dLYmYHiVsPhYX1bhWrPTClBWrGUEw"))
                .isFalse();
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"0,1,1", "7,1,1", "1048577,1,1", "256,0,1", "256,65,1", "256,1,0", "256,1,17", "16,1,4"})
    void argon2Params_shouldRefuse_whenOutOfRange(String values) {
        String[] v = values.split(",");
        assertThatThrownBy(
                        () -> new Argon2Params(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
