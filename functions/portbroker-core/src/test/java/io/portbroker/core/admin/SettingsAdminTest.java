package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.testing.RecordingResponder;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code /admin/v1/config}: effective values with sources, drift, and audited, versioned edits. */
class SettingsAdminTest {
    private final AdminFixture f = new AdminFixture();

    private JsonNode row(JsonNode settings, String key) {
        return StreamSupport.stream(settings.spliterator(), false)
                .filter(r -> r.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void effective_shouldShowValueSourceAndVersionAndMaskSecrets_whenRead() {
        // when
        JsonNode body = f.ok(f.call("GET", "/admin/v1/config/effective"));

        // then
        assertThat(body.get("version").asLong()).isZero();
        JsonNode ping = row(body.get("settings"), "portbroker.runtime.ping-interval");
        assertThat(ping.get("value").asText()).isEqualTo("7s");
        assertThat(ping.get("source").asText()).isEqualTo("file");
        assertThat(ping.get("reloadable").asBoolean()).isTrue();
        assertThat(row(body.get("settings"), "portbroker.runtime.retry.max-attempts")
                        .get("source")
                        .asText())
                .isEqualTo("environment");
        assertThat(row(body.get("settings"), "portbroker.security.jwt-secret-id")
                        .get("value")
                        .asText())
                .isEqualTo("****");
        assertThat(f.call("GET", "/admin/v1/config/effective").text()).doesNotContain("jwt/id");
    }

    @Test
    void edit_shouldApplyAtOnceAndAuditBeforeAndAfter_whenTheVersionMatches() {
        // when
        JsonNode body = f.ok(f.call(
                "PATCH",
                "/admin/v1/config",
                json("{'version':0,'settings':{'portbroker.runtime.breaker.failure-rate':'0.25',"
                        + "'runtime.cors.allowed-origins':'https://admin.example'}}")));

        // then
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(f.snapshots.get().typed().runtime().breaker().failureRate()).isEqualTo(0.25);
        assertThat(f.remote.read()).containsEntry("runtime.cors.allowed-origins", "https://admin.example");
        List<AuditRecord> records =
                f.audit.read(AuditStream.ADMIN, PageRequest.first()).items();
        assertThat(records).last().satisfies(r -> {
            assertThat(r.action()).isEqualTo("config.update");
            assertThat(r.actor()).isEqualTo(f.adminKeyId);
            assertThat(r.details())
                    .containsEntry("runtime.breaker.failure-rate.before", "0.5")
                    .containsEntry("runtime.breaker.failure-rate.after", "0.25")
                    .containsEntry("version", "1");
        });
    }

    @Test
    void edit_shouldAnswer409_whenAnotherEditLandedSinceTheCallerRead() {
        // given
        f.ok(f.call("PATCH", "/admin/v1/config", json("{'version':0,'settings':{'runtime.ping-interval':'5s'}}")));

        // when: a second admin still holds version 0
        RecordingResponder stale =
                f.call("PATCH", "/admin/v1/config", json("{'version':0,'settings':{'runtime.ping-interval':'9s'}}"));

        // then
        assertThat(stale.status).isEqualTo(409);
        assertThat(stale.text())
                .contains("version conflict: the config is at version 1")
                .contains("\"category\":\"conflict\"");
        assertThat(f.snapshots.get().typed().runtime().pingInterval()).hasSeconds(5);
    }

    @Test
    void edit_shouldRefuseEverythingAndKeepTheConfig_whenOneValueIsInvalidOrNeedsARestart() {
        // when
        RecordingResponder r = f.call(
                "PATCH",
                "/admin/v1/config",
                json("{'version':0,'settings':{'runtime.ping-interval':'5s','runtime.retry.max-attempts':'0',"
                        + "'infrastructure.table-prefix':'x','runtime.nope':'1'}}"));

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.text())
                .contains("portbroker.runtime.retry.max-attempts: must be at least 1")
                .contains("portbroker.infrastructure.table-prefix: restart required")
                .contains("runtime.nope: unknown setting");
        assertThat(f.remote.read()).isEmpty();
        assertThat(f.snapshots.get().version()).isZero();
        assertThat(f.call("PATCH", "/admin/v1/config", json("{'settings':{}}")).status)
                .isEqualTo(400);
    }

    @Test
    void effective_shouldListStartupGroupPropertiesWithSourceReloadableAndMask_whenRead() {
        // when
        JsonNode settings = f.ok(f.call("GET", "/admin/v1/config/effective")).get("settings");

        // then
        JsonNode limit = row(settings, "portbroker.throttle.limit");
        assertThat(limit.get("value").asText()).isEqualTo("10");
        assertThat(limit.get("source").asText()).isEqualTo("default");
        assertThat(limit.get("reloadable").asBoolean()).isTrue();
        JsonNode window = row(settings, "portbroker.throttle.window");
        assertThat(window.get("value").asText()).isEqualTo("2m");
        assertThat(window.get("source").asText()).isEqualTo("file");
        assertThat(window.get("reloadable").asBoolean()).isFalse();
        assertThat(row(settings, "portbroker.throttle.alert-token").get("value").asText())
                .isEqualTo("****");
        assertThat(settings.toString()).doesNotContain("made-up-alert-value");
    }

    @Test
    void edit_shouldApplyAReloadableStartupGroupProperty_whenTheVersionMatches() {
        // when
        JsonNode body = f.ok(f.call(
                "PATCH", "/admin/v1/config", json("{'version':0,'settings':{'portbroker.throttle.limit':'4'}}")));

        // then
        assertThat(row(body.get("settings"), "portbroker.throttle.limit")
                        .get("source")
                        .asText())
                .isEqualTo("remote");
        assertThat(f.snapshots
                        .get()
                        .settings()
                        .group(io.portbroker.core.settings.ThrottleGroup.class)
                        .getLimit())
                .isEqualTo(4);
        assertThat(f.audit.read(AuditStream.ADMIN, PageRequest.first()).items())
                .last()
                .satisfies(r -> assertThat(r.details())
                        .containsEntry("throttle.limit.before", "10")
                        .containsEntry("throttle.limit.after", "4"));
    }

    @Test
    void edit_shouldRefuseARestartRequiredStartupGroupPropertyAndAuditIt_whenEdited() {
        // when
        RecordingResponder r = f.call(
                "PATCH",
                "/admin/v1/config",
                json("{'version':0,'settings':{'throttle.limit':'4','portbroker.throttle.window':'5m'}}"));

        // then: nothing applied, the reason in the answer, the audit trail and the failure counter
        assertThat(r.status).isEqualTo(400);
        assertThat(r.text()).contains("restart required: portbroker.throttle.window");
        assertThat(f.remote.read()).isEmpty();
        assertThat(f.snapshots.get().settings().values()).containsEntry("throttle.window", "2m");
        assertThat(f.audit.read(AuditStream.ADMIN, PageRequest.first()).items())
                .last()
                .satisfies(a -> {
                    assertThat(a.action()).isEqualTo("config.update_rejected");
                    assertThat(a.actor()).isEqualTo(f.adminKeyId);
                    assertThat(a.details().get("problems")).contains("restart required: portbroker.throttle.window");
                });
        assertThat(f.metrics.counter(io.portbroker.core.reload.ConfigSnapshots.FAILURES, Map.of()))
                .isEqualTo(1);
    }

    @Test
    void edit_shouldFallBackToTheLowerLayers_whenAValueIsRemoved() {
        // given
        f.ok(f.call("PATCH", "/admin/v1/config", json("{'version':0,'settings':{'runtime.ping-interval':'5s'}}")));

        // when
        f.ok(f.call("PATCH", "/admin/v1/config", json("{'version':1,'settings':{'runtime.ping-interval':null}}")));

        // then: back to the file's 7s
        assertThat(f.snapshots.get().typed().runtime().pingInterval()).hasSeconds(7);
        assertThat(f.remote.read()).isEmpty();
    }

    @Test
    void drift_shouldListOverriddenSettingsAndSetTheGauge_whenTheRemoteLayerDiffersFromTheDeclared() {
        // given: an out-of-band change in the remote layer
        f.remote.put("runtime.ping-interval", "3s");
        f.snapshots.poll();

        // when
        JsonNode body = f.ok(f.call("GET", "/admin/v1/config/drift"));

        // then
        assertThat(body.get("drift_detected").asInt()).isEqualTo(1);
        JsonNode ping = body.get("settings").get(0);
        assertThat(ping.get("key").asText()).isEqualTo("portbroker.runtime.ping-interval");
        assertThat(ping.get("declared").asText()).isEqualTo("7s");
        assertThat(ping.get("declared_in").asText()).isEqualTo("file");
        assertThat(ping.get("effective").asText()).isEqualTo("3s");
        assertThat(ping.get("source").asText()).isEqualTo("remote");
        assertThat(f.metrics.gaugeValue(ConfigAdmin.DRIFT, Map.of())).isEqualTo(1.0);
    }

    @Test
    void drift_shouldBeEmpty_whenNothingOverridesTheDeclaredValues() {
        // when
        JsonNode body = f.ok(f.call("GET", "/admin/v1/config/drift"));

        // then
        assertThat(body.get("drift_detected").asInt()).isZero();
        assertThat(body.get("settings")).isEmpty();
    }
}
