package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.keys.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/v1/keys?search=}: a name prefix answered from the store's name index. */
class KeySearchAdminTest {
    private final AdminFixture f = new AdminFixture();

    @Test
    void list_shouldAnswerEveryMatchInOnePage_whenSearchingAmongManyKeys() {
        // given: 150 keys, three of them named "Billing ..."
        for (int i = 0; i < 147; i++) {
            f.issuer.issue("svc " + i, Set.of(Scopes.CHAT_WRITE), null);
        }
        for (String name : List.of("Billing nightly", "billing api", "BILLING backfill")) {
            f.issuer.issue(name, Set.of(Scopes.CHAT_WRITE), null);
        }

        // when
        JsonNode page = f.ok(f.call("GET", "/admin/v1/keys?search=billing&limit=10"));

        // then: every match, in name order, without paging through the other 148
        List<String> names = new ArrayList<>();
        page.path("data").forEach(k -> names.add(k.path("name").asText()));
        assertThat(names).containsExactly("billing api", "BILLING backfill", "Billing nightly");
        assertThat(page.path("next_cursor").isNull() || page.path("next_cursor").isMissingNode())
                .isTrue();
    }

    @Test
    void list_shouldPageTheSearchWithItsCursor_whenMoreMatchThanALimit() {
        // given
        for (int i = 0; i < 5; i++) {
            f.issuer.issue("ci-" + i, Set.of(Scopes.CHAT_WRITE), null);
        }

        // when
        JsonNode first = f.ok(f.call("GET", "/admin/v1/keys?search=ci-&limit=3"));
        JsonNode second = f.ok(f.call(
                "GET",
                "/admin/v1/keys?search=ci-&limit=3&cursor="
                        + first.path("next_cursor").asText()));

        // then
        assertThat(first.path("data")).hasSize(3);
        assertThat(second.path("data")).hasSize(2);
        assertThat(second.path("data").get(1).path("name").asText()).isEqualTo("ci-4");
    }

    @Test
    void list_shouldRefuse_whenTheSearchIsLongerThanAName() {
        assertThat(f.call("GET", "/admin/v1/keys?search=" + "x".repeat(101)).status)
                .isEqualTo(400);
    }
}
