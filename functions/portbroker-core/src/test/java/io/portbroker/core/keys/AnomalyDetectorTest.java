package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyDetectorTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final List<AuditEvent> findings = new ArrayList<>();
    private final AnomalyDetector detector =
            new AnomalyDetector(clock, findings::add, new AnomalyDetector.Settings(3, 5.0, 10));

    @Test
    void observe_shouldReportNothing_whenAKeyKeepsItsUsualAgentAndNetwork() {
        for (int i = 0; i < 10; i++) {
            detector.observe("key_1", "claude-cli/2.1", "203.0.113." + i);
        }

        assertThat(findings).isEmpty();
        assertThat(detector.anomalies()).isZero();
    }

    @Test
    void observe_shouldIgnoreNewAgentsAndNetworks_whileTheKeyIsWarmingUp() {
        detector.observe("key_1", "a", "203.0.113.1");
        detector.observe("key_1", "b", "198.51.100.1");
        detector.observe("key_1", "c", "192.0.2.1");

        assertThat(findings).isEmpty();
    }

    @Test
    void observe_shouldReportANewUserAgentAndNetwork_onceTheKeyHasAHistory() {
        // given
        for (int i = 0; i < 3; i++) {
            detector.observe("key_1", "claude-cli/2.1", "203.0.113.7");
        }

        // when
        detector.observe("key_1", "curl/8.0", "198.51.100.20");

        // then
        assertThat(findings)
                .extracting(AuditEvent::action)
                .containsExactly("key.new_user_agent", "key.new_source_network");
        assertThat(findings.getFirst())
                .isEqualTo(new AuditEvent(
                        AuditStream.ANOMALY,
                        "system",
                        "key.new_user_agent",
                        "key_1",
                        Map.of("user_agent", "curl/8.0")));
        assertThat(findings.get(1).details()).containsEntry("network", "198.51.100.0/24");
        assertThat(detector.anomalies()).isEqualTo(2);
    }

    @Test
    void observe_shouldReportARateJumpOncePerMinute_whenAMinuteFarExceedsTheAverage() {
        // given: two quiet minutes of 2 requests each
        for (int minute = 0; minute < 2; minute++) {
            detector.observe("key_1", "cli", "203.0.113.1");
            detector.observe("key_1", "cli", "203.0.113.1");
            clock.advance(Duration.ofMinutes(1));
        }

        // when: a burst of 15 in the third minute (average 2, factor 5 -> more than 10 and more than minimum 10)
        for (int i = 0; i < 15; i++) {
            detector.observe("key_1", "cli", "203.0.113.1");
        }

        // then
        assertThat(findings).extracting(AuditEvent::action).containsExactly("key.rate_jump");
        assertThat(findings.getFirst().details())
                .containsEntry("requests_this_minute", "11")
                .containsEntry("average_per_minute", "2.0");
    }

    @Test
    void observe_shouldNotReportARateJump_whenTheKeyHasNoEarlierMinute() {
        for (int i = 0; i < 50; i++) {
            detector.observe("key_1", "cli", "203.0.113.1");
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void observe_shouldKeepKeysApart_whenTwoKeysAreSeen() {
        for (int i = 0; i < 3; i++) {
            detector.observe("key_1", "cli", "203.0.113.1");
        }

        detector.observe("key_2", "other", "198.51.100.1");

        assertThat(findings).isEmpty();
    }

    @Test
    void observe_shouldTruncateLongUserAgents_whenReportingThem() {
        for (int i = 0; i < 3; i++) {
            detector.observe("key_1", null, null);
        }

        detector.observe("key_1", "x".repeat(500), null);

        assertThat(findings)
                .singleElement()
                .satisfies(e -> assertThat(e.details().get("user_agent")).hasSize(100));
    }

    @Test
    void observe_shouldForgetTheOldestAgent_whenMoreThan32AreKnown() {
        // given: 33 distinct agents after warm-up; the first one is dropped to bound memory
        for (int i = 0; i < 34; i++) {
            detector.observe("key_1", "agent-" + i, "203.0.113.1");
        }
        findings.clear();

        // when: the forgotten first agent comes back (a minute later: this minute's audit records are used up)
        clock.advance(java.time.Duration.ofMinutes(1));
        detector.observe("key_1", "agent-0", "203.0.113.1");

        // then
        assertThat(findings).extracting(AuditEvent::action).containsExactly("key.new_user_agent");
    }

    @Test
    void observe_shouldAuditAtMostFiveRecordsPerKeyAndMinute_whenACallerCyclesItsAgent() {
        // given: a warm key
        for (int i = 0; i < 4; i++) {
            detector.observe("key_1", "cli", "203.0.113.1");
        }

        // when: 50 new agents in one minute, then one more in the next minute
        for (int i = 0; i < 50; i++) {
            detector.observe("key_1", "agent-" + i, "203.0.113.1");
        }
        int inTheFloodMinute = findings.size();
        clock.advance(java.time.Duration.ofMinutes(1));
        detector.observe("key_1", "agent-next", "203.0.113.1");

        // then: every finding is counted, only five per minute reach the audit trail
        assertThat(inTheFloodMinute).isEqualTo(5);
        assertThat(findings).hasSize(6);
        assertThat(detector.anomalies()).isGreaterThanOrEqualTo(51);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "203.0.113.77, 203.0.113.0/24",
                "2001:db8:abcd:12::1, 2001:db8:abcd::/48",
                "NULL, unknown",
                "'  ', unknown",
                "localhost, localhost"
            })
    void network_shouldGroupAddressesByTheirNetwork_whenGivenAnIp(String ip, String network) {
        assertThat(AnomalyDetector.network(ip)).isEqualTo(network);
    }

    @Test
    void settingsDefaults_shouldNeedAHistoryBeforeFlagging_whenUsedInProduction() {
        AnomalyDetector.Settings defaults = AnomalyDetector.Settings.defaults();

        assertThat(defaults.warmupRequests()).isPositive();
        assertThat(defaults.rateFactor()).isGreaterThan(1.0);
        assertThat(defaults.minimumJump()).isPositive();
    }
}
