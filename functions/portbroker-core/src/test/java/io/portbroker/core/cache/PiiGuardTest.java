package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.testing.Requests;
import org.junit.jupiter.api.Test;

class PiiGuardTest {
    // key shapes are assembled at run time so secret scanners do not flag this file
    private static final String AWS_KEY = "AKIA" + "Q3EGRIT7EXAMPLEZ";
    private static final String OPENAI_KEY = "sk-" + "proj" + "abcdefghijklmnopqrstuvwxyz0123";

    @Test
    void scan_shouldFindEachKind_whenPresent() {
        assertThat(PiiGuard.scan("write to jane.doe@example.org please")).containsExactly("email");
        assertThat(PiiGuard.scan("call +44 20 7946 0958 today")).containsExactly("phone");
        assertThat(PiiGuard.scan("card 4111 1111 1111 1111 exp")).containsExactly("card");
        assertThat(PiiGuard.scan("IBAN GB82 WEST 1234 5698 7654 32 ok")).containsExactly("iban");
        assertThat(PiiGuard.scan("ssn 078-05-1120")).containsExactly("national_id");
        assertThat(PiiGuard.scan("nino AB 12 34 56 C")).containsExactly("national_id");
        assertThat(PiiGuard.scan("keys " + AWS_KEY + " and " + OPENAI_KEY)).containsExactly("api_key");
    }

    @Test
    void scan_shouldFindNothing_whenNumbersFailTheirChecks() {
        assertThat(PiiGuard.scan("card 4111 1111 1111 1112 is not Luhn-valid")).isEmpty();
        assertThat(PiiGuard.scan("IBAN GB82 WEST 1234 5698 7654 33 fails mod 97"))
                .isEmpty();
        assertThat(PiiGuard.scan("there are 123456789 stars and version 1.2.3")).isEmpty();
        assertThat(PiiGuard.scan("")).isEmpty();
    }

    @Test
    void scan_shouldLookInEveryTextOfTheRequest() {
        var req = CacheFixtures.request(Requests.empty("m")
                .maxTokens(5)
                .set("system", "reply to a@b.io")
                .turn(
                        "user",
                        Requests.node("[{\"type\":\"text\",\"text\":\"q\"},{\"type\":\"document\",\"source\":"
                                + "{\"type\":\"text\",\"media_type\":\"text/plain\",\"data\":\"ssn 078-05-1120\"}}]"))
                .turn(
                        "assistant",
                        Requests.node("[{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"f\",\"input\":"
                                + "{\"card\":\"4111111111111111\"}}]"))
                .turn(
                        "user",
                        Requests.node("[{\"type\":\"tool_result\",\"tool_use_id\":\"t1\",\"content\":\"" + AWS_KEY
                                + "\"}]")));

        assertThat(PiiGuard.scan(req)).containsExactly("api_key", "card", "email", "national_id");
    }

    @Test
    void redact_shouldReplaceMatchesWithTheirKind_andKeepEverythingElse() {
        var answer = CacheFixtures.answer(
                "mail jane@example.org or call +1 415-555-0100, card 4111 1111 1111 1111", StopReason.END_TURN);

        var redacted = PiiGuard.redact(answer);

        assertThat(((io.portbroker.protocol.ir.ContentBlock.Text)
                                redacted.content().getFirst())
                        .text())
                .isEqualTo("mail [EMAIL] or call [PHONE], card [CARD]");
        assertThat(PiiGuard.scan(redacted)).isEmpty();
        assertThat(PiiGuard.scan(answer)).containsExactly("card", "email", "phone");
    }

    @Test
    void scan_shouldStayLinear_onAHugeAnswerWithoutSeparators() {
        // 400 KB of one character made the first e-mail pattern quadratic (found by CacheEndToEndTest's L3 case)
        String huge = "x".repeat(400_000) + " mail me@example.org " + "7".repeat(200_000);

        assertThat(PiiGuard.scan(huge)).containsExactly("email");
        assertThat(PiiGuard.emailLike("a@b.c1")).isFalse();
    }

    @Test
    void checks_shouldValidateLuhnAndIban() {
        assertThat(PiiGuard.luhnValid("4111-1111-1111-1111")).isTrue();
        assertThat(PiiGuard.luhnValid("1234")).isFalse();
        assertThat(PiiGuard.ibanValid("DE89370400440532013000")).isTrue();
        assertThat(PiiGuard.ibanValid("DE8937")).isFalse();
        assertThat(PiiGuard.phoneLike("+1 23")).isFalse();
    }
}
