package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.error.AuthenticationError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyAdminTest {
    private final AdminFixture f = new AdminFixture();

    private JsonNode create(String body) {
        return f.ok(f.call("POST", "/admin/v1/keys", json(body)));
    }

    @Test
    void create_shouldShowTheSecretOnceAndStoreOnlyItsHash_whenTheBodyIsValid() {
        // when
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/keys",
                json("{'name':' ci ','scopes':['chat:write','chat:read'],'expires_at':'2027-01-01T00:00:00Z',"
                        + "'requests_per_minute':60,'tokens_per_minute':100000}"));

        // then
        assertThat(r.status).isEqualTo(201);
        assertThat(r.header("cache-control")).isEqualTo("no-store");
        JsonNode key = r.json();
        String secret = key.path("key").asText();
        assertThat(secret).startsWith("pb_live_");
        assertThat(key.path("name").asText()).isEqualTo("ci");
        assertThat(key.path("scopes").toString()).isEqualTo("[\"chat:read\",\"chat:write\"]");
        assertThat(key.path("status").asText()).isEqualTo("active");
        assertThat(key.path("expires_at").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(key.path("limits").path("requests_per_minute").asLong()).isEqualTo(60);
        assertThat(key.path("usage").path("requests").asLong()).isZero();
        assertThat(f.authenticator.authenticate(secret, Scopes.CHAT_WRITE).keyId())
                .isEqualTo(key.path("id").asText());
        // the secret is never readable again
        assertThat(f.call("GET", "/admin/v1/keys/" + key.path("id").asText()).text())
                .doesNotContain(secret);
        AuditRecord audited =
                f.audit.read(AuditStream.ADMIN, PageRequest.first()).items().getLast();
        assertThat(audited.action()).isEqualTo("key.create");
        assertThat(audited.actor()).isEqualTo(f.adminKeyId);
        assertThat(audited.details()).containsEntry("scopes", "chat:read,chat:write");
        assertThat(audited.details().toString()).doesNotContain(secret);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "no name|{'scopes':['chat:read']}|name is required",
                "blank name|{'name':'  ','scopes':['chat:read']}|name is required",
                "no scopes|{'name':'x'}|at least one scope",
                "empty scopes|{'name':'x','scopes':[]}|at least one scope",
                "unknown scope|{'name':'x','scopes':['chat:delete']}|unknown scope 'chat:delete'",
                "bad expiry|{'name':'x','scopes':['chat:read'],'expires_at':'tomorrow'}|ISO-8601",
                "past expiry|{'name':'x','scopes':['chat:read'],'expires_at':'2020-01-01T00:00:00Z'}|in the future",
                "zero limit|{'name':'x','scopes':['chat:read'],'requests_per_minute':0}|positive",
                "negative limit|{'name':'x','scopes':['chat:read'],'tokens_per_minute':-1}|positive",
                "unknown field|{'name':'x','scopes':['chat:read'],'owner':'me'}|unknown field 'owner'",
                "float limit|{'name':'x','scopes':['chat:read'],'requests_per_minute':1.5}|'requests_per_minute'",
                "wrong type|{'name':'x','scopes':'chat:read'}|invalid value for 'scopes'",
                "duplicate field|{'name':'x','name':'y','scopes':['chat:read']}|not valid JSON",
                "not json|name=x|not valid JSON",
                "trailing data|{'name':'x','scopes':['chat:read']} {}|invalid value for the body",
                "json null|null|a JSON object is required",
                "array|[1]|invalid value for the body",
            })
    void create_shouldRefuseWith400NamingTheProblem_whenTheBodyIsInvalid(String kind, String body, String message) {
        RecordingResponder r = f.call("POST", "/admin/v1/keys", json(body));

        assertThat(r.status).as(kind).isEqualTo(400);
        assertThat(r.json().path("message").asText()).as(kind).contains(message);
        assertThat(r.json().path("code").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().path("trace_id").asText()).isEqualTo("trace-0001");
        assertThat(r.json().path("retriable").asBoolean()).isFalse();
        assertThat(f.keys.all()).hasSize(1);
    }

    @Test
    @Tag("error-path")
    void create_shouldRefuseWithoutEchoingAnyValue_whenAFieldIsWrong() {
        RecordingResponder r = f.call("POST", "/admin/v1/keys", json("{'name':['pb_live_leaked'],'scopes':[]}"));

        assertThat(r.status).isEqualTo(400);
        assertThat(r.text()).doesNotContain("pb_live_leaked");
    }

    @Test
    @Tag("error-path")
    void create_shouldRefuseAnEmptyBody_whenTheRouteNeedsOne() {
        assertThat(f.call("POST", "/admin/v1/keys", "").json().path("message").asText())
                .isEqualTo("a JSON body is required");
    }

    @Test
    @Tag("error-path")
    void create_shouldRefuse403_whenTheCallerWouldGrantAnAdminScopeItLacks() {
        // given
        String keysAdmin =
                f.issuer.issue("keys-only", Set.of(Scopes.ADMIN_KEYS), null).key();

        // when
        RecordingResponder r =
                f.call(keysAdmin, "POST", "/admin/v1/keys", json("{'name':'x','scopes':['admin:provider']}"));

        // then
        assertThat(r.status).isEqualTo(403);
        assertThat(r.json().path("category").asText()).isEqualTo("permission");
    }

    @Test
    void list_shouldPageThroughKeysWithOpaqueCursors_whenALimitIsGiven() {
        // given: the admin key plus two more
        create("{'name':'one','scopes':['chat:read']}");
        create("{'name':'two','scopes':['chat:read']}");

        // when
        JsonNode first = f.ok(f.call("GET", "/admin/v1/keys?limit=2"));
        JsonNode second = f.ok(f.call(
                "GET",
                "/admin/v1/keys?limit=2&cursor=" + first.path("next_cursor").asText()));

        // then
        assertThat(first.path("data")).hasSize(2);
        assertThat(first.path("next_cursor").asText())
                .isNotBlank()
                .doesNotContain(f.keys.all().get(1).keyHash());
        assertThat(second.path("data")).hasSize(1);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(
                        List.of(
                                        first.path("data").findValuesAsText("name"),
                                        second.path("data").findValuesAsText("name"))
                                .stream()
                                .flatMap(List::stream))
                .containsExactlyInAnyOrder("admin", "one", "two");
    }

    @Test
    void list_shouldFilterByStatusNameAndScope_andShowUsageTotals() {
        // given
        String revokedId =
                create("{'name':'Old CI','scopes':['chat:read']}").path("id").asText();
        f.call("POST", "/admin/v1/keys/" + revokedId + "/revoke");
        String expiringId = create("{'name':'temp','scopes':['chat:write'],'expires_at':'2026-04-01T13:00:00Z'}")
                .path("id")
                .asText();
        String ciId =
                create("{'name':'CI main','scopes':['chat:write']}").path("id").asText();
        f.usage.add(List.of(
                new UsageDelta(ciId, LocalDate.parse("2026-04-01"), 3, 30, 10, Instant.parse("2026-04-01T11:00:00Z"))));
        f.clock.advance(Duration.ofHours(2));

        // then
        assertThat(f.ok(f.call("GET", "/admin/v1/keys?status=revoked"))
                        .path("data")
                        .findValuesAsText("id"))
                .containsExactly(revokedId);
        assertThat(f.ok(f.call("GET", "/admin/v1/keys?status=expired"))
                        .path("data")
                        .findValuesAsText("id"))
                .containsExactly(expiringId);
        JsonNode ci = f.ok(f.call("GET", "/admin/v1/keys?name=ci&scope=chat:write&status=active"));
        assertThat(ci.path("data").findValuesAsText("id")).containsExactly(ciId);
        assertThat(ci.path("data").path(0).path("usage").path("requests").asLong())
                .isEqualTo(3);
        assertThat(ci.path("data").path(0).path("last_used_at").asText()).isEqualTo("2026-04-01T11:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "limit zero|limit=0|between 1 and 100",
                "limit too big|limit=101|between 1 and 100",
                "limit text|limit=ten|whole number",
                "forged cursor|cursor=abc|invalid cursor",
                "unknown parameter|sort=name|unknown query parameter 'sort'",
                "repeated parameter|limit=1&limit=2|given twice",
                "malformed escape|name=%zz|malformed query string",
            })
    void list_shouldRefuseWith400_whenTheQueryIsInvalid(String kind, String query, String message) {
        RecordingResponder r = f.call("GET", "/admin/v1/keys?" + query);

        assertThat(r.status).as(kind).isEqualTo(400);
        assertThat(r.json().path("message").asText()).as(kind).contains(message);
    }

    @Test
    void list_shouldIgnoreEmptyAndBlankParameters_whenTheQueryHasThem() {
        RecordingResponder r = f.call("GET", "/admin/v1/keys?&name=&limit=5&status");

        assertThat(f.ok(r).path("data")).hasSize(1);
    }

    @Test
    @Tag("error-path")
    void get_shouldAnswer404_whenTheKeyIsUnknown() {
        RecordingResponder r = f.call("GET", "/admin/v1/keys/key_missing");

        assertThat(r.status).isEqualTo(404);
        assertThat(r.json().path("code").asText()).isEqualTo("not_found_error");
    }

    @Test
    @Tag("error-path")
    void revoke_shouldLockTheKeyOutAtOnce_evenThoughItIsCachedForAnHour() {
        // given
        JsonNode created = create("{'name':'ci','scopes':['chat:read']}");
        String secret = created.path("key").asText();
        f.authenticator.authenticate(secret, Scopes.CHAT_READ);

        // when
        JsonNode revoked =
                f.ok(f.call("POST", "/admin/v1/keys/" + created.path("id").asText() + "/revoke"));

        // then
        assertThat(revoked.path("status").asText()).isEqualTo("revoked");
        assertThatThrownBy(() -> f.authenticator.authenticate(secret, Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
    }

    @Test
    void rotate_shouldIssueANewSecretAndKeepTheOldOneForTheOverlap_whenTheKeyIsActive() {
        // given
        JsonNode created = create("{'name':'ci','scopes':['chat:read']}");
        String id = created.path("id").asText();
        String oldSecret = created.path("key").asText();

        // when
        JsonNode rotated = f.ok(f.call("POST", "/admin/v1/keys/" + id + "/rotate", "{\"overlap_seconds\":600}"));

        // then
        String newSecret = rotated.path("key").asText();
        assertThat(newSecret).startsWith("pb_live_").isNotEqualTo(oldSecret);
        assertThat(rotated.path("id").asText()).isEqualTo(id);
        assertThat(rotated.path("previous_valid_until").asText()).isEqualTo("2026-04-01T12:10:00Z");
        JsonNode shown = f.ok(f.call("GET", "/admin/v1/keys/" + id));
        assertThat(shown.path("prefix").asText()).isEqualTo(newSecret.substring(0, 12));
        assertThat(shown.path("rotating_out").path(0).path("valid_until").asText())
                .isEqualTo("2026-04-01T12:10:00Z");
        f.clock.advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> f.authenticator.authenticate(oldSecret, Scopes.CHAT_READ))
                .isInstanceOf(AuthenticationError.class);
        assertThat(f.authenticator.authenticate(newSecret, Scopes.CHAT_READ).keyId())
                .isEqualTo(id);
        assertThat(f.ok(f.call("GET", "/admin/v1/keys/" + id)).path("rotating_out"))
                .isEmpty();
    }

    @Test
    void rotate_shouldUseTheDefaultOverlapOfAnHour_whenNoBodyIsSent() {
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();

        JsonNode rotated = f.ok(f.call("POST", "/admin/v1/keys/" + id + "/rotate"));

        assertThat(rotated.path("previous_valid_until").asText()).isEqualTo("2026-04-01T13:00:00Z");
    }

    @ParameterizedTest
    @Tag("error-path")
    @CsvSource({"-1", "604801"})
    void rotate_shouldRefuse_whenTheOverlapIsOutOfRange(long seconds) {
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();

        RecordingResponder r =
                f.call("POST", "/admin/v1/keys/" + id + "/rotate", "{\"overlap_seconds\":" + seconds + "}");

        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("overlap_seconds");
    }

    @Test
    @Tag("error-path")
    void rotate_shouldRefuse_whenTheKeyIsRevokedOrUnknown() {
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();
        f.call("POST", "/admin/v1/keys/" + id + "/revoke");

        assertThat(f.call("POST", "/admin/v1/keys/" + id + "/rotate")
                        .json()
                        .path("message")
                        .asText())
                .isEqualTo("only an active key can be rotated");
        assertThat(f.call("POST", "/admin/v1/keys/key_nope/rotate").status).isEqualTo(404);
    }

    @Test
    void setLimits_shouldReplaceTheLimitsOfEverySecretAtOnce_whenValid() {
        // given
        JsonNode created = create("{'name':'ci','scopes':['chat:read'],'requests_per_minute':5}");
        String id = created.path("id").asText();
        f.authenticator.authenticate(created.path("key").asText(), Scopes.CHAT_READ);

        // when
        JsonNode updated = f.ok(f.call("PUT", "/admin/v1/keys/" + id + "/limits", "{\"tokens_per_minute\":900}"));

        // then: the missing rpm was removed, and the cached principal sees the change at once
        assertThat(updated.path("limits").path("requests_per_minute").isNull()).isTrue();
        assertThat(updated.path("limits").path("tokens_per_minute").asLong()).isEqualTo(900);
        assertThat(f.authenticator
                        .authenticate(created.path("key").asText(), Scopes.CHAT_READ)
                        .limits())
                .isEqualTo(new KeyLimits(null, 900L));
        assertThat(f.keys.findByKeyId(id)).extracting(ApiKeyRecord::limits).containsOnly(new KeyLimits(null, 900L));
        assertThat(f.call("PUT", "/admin/v1/keys/" + id + "/limits", "{\"tokens_per_minute\":0}").status)
                .isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({"POST,/rotate,{}", "POST,/revoke,", "PUT,/limits,{\"tokens_per_minute\":1}"})
    void mutations_shouldRefuseWith403_whenTheTargetHoldsAScopeTheCallerLacks(
            String method, String suffix, String body) {
        // given: a key manager holding admin:keys only, and a key that can also edit providers
        String manager = f.issuer
                .issue("manager", Set.of(Scopes.ADMIN_KEYS, Scopes.ADMIN_READ), null)
                .key();
        JsonNode target = create("{'name':'ops','scopes':['admin:provider','admin:keys']}");
        String id = target.path("id").asText();

        // when
        RecordingResponder r = f.call(manager, method, "/admin/v1/keys/" + id + suffix, body);

        // then: refused, and the target is untouched (same secret, status and limits)
        assertThat(r.status).isEqualTo(403);
        assertThat(r.text()).contains("admin:provider");
        assertThat(f.keys.findByKeyId(id)).singleElement().satisfies(k -> {
            assertThat(k.status()).isEqualTo(ApiKeyRecord.KeyStatus.ACTIVE);
            assertThat(k.limits()).isEqualTo(KeyLimits.NONE);
        });
        assertThat(f.authenticator
                        .authenticate(target.path("key").asText(), Scopes.ADMIN_PROVIDER)
                        .keyId())
                .isEqualTo(id);
    }

    @Test
    void rotate_shouldAuditAnImmediateRotationByAnotherKey_whenTheCallerCoversTheTarget() {
        // given: a manager may rotate a chat key (chat scopes are grantable by any key manager)
        String manager = f.issuer
                .issue("manager", Set.of(Scopes.ADMIN_KEYS, Scopes.ADMIN_READ), null)
                .key();
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();

        // when
        RecordingResponder r = f.call(manager, "POST", "/admin/v1/keys/" + id + "/rotate", "{\"overlap_seconds\":0}");

        // then
        assertThat(r.status).isEqualTo(200);
        AuditRecord audited =
                f.audit.read(AuditStream.ADMIN, PageRequest.first()).items().getLast();
        assertThat(audited.action()).isEqualTo("key.rotate");
        assertThat(audited.details()).containsEntry("overlap_seconds", "0").containsEntry("by_other_key", "true");
    }

    @Test
    void usage_shouldListDaysOfTheLast30DaysByDefault_oldestFirst() {
        // given
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();
        for (String day : List.of("2026-02-01", "2026-03-05", "2026-04-01")) {
            f.usage.add(List.of(new UsageDelta(id, LocalDate.parse(day), 1, 10, 5, Instant.parse(day + "T10:00:00Z"))));
        }

        // when
        JsonNode days = f.ok(f.call("GET", "/admin/v1/keys/" + id + "/usage"));
        JsonNode range = f.ok(f.call("GET", "/admin/v1/keys/" + id + "/usage?from=2026-01-01&to=2026-03-31&limit=1"));

        // then
        assertThat(days.path("data").findValuesAsText("period")).containsExactly("2026-03-05", "2026-04-01");
        assertThat(days.path("data").path(0).path("input_tokens").asLong()).isEqualTo(10);
        assertThat(range.path("data").findValuesAsText("period")).containsExactly("2026-02-01");
        assertThat(range.path("next_cursor").isTextual()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "bad day|from=2026-4-1|yyyy-MM-dd",
                "reversed|from=2026-04-02&to=2026-04-01|must not be after",
                "too long|from=2024-01-01&to=2026-04-01|366 days",
            })
    void usage_shouldRefuse_whenTheRangeIsInvalid(String kind, String query, String message) {
        String id = create("{'name':'ci','scopes':['chat:read']}").path("id").asText();

        RecordingResponder r = f.call("GET", "/admin/v1/keys/" + id + "/usage?" + query);

        assertThat(r.status).as(kind).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains(message);
        assertThat(f.call("GET", "/admin/v1/keys/key_nope/usage").status).isEqualTo(404);
    }
}
