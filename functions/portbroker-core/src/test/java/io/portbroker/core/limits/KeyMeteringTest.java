package io.portbroker.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.keys.AnomalyDetector;
import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryRateLimiter;
import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageRecorder;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.ir.Usage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class KeyMeteringTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();
    private final InMemoryUsageStore usageStore = new InMemoryUsageStore();
    private final UsageRecorder recorder = new UsageRecorder(usageStore, clock, 100, null, 0);
    private final List<AuditEvent> findings = new ArrayList<>();
    private final KeyMetering metering = new KeyMetering(
            new Admission(limiter, clock),
            recorder,
            new AnomalyDetector(clock, findings::add, new AnomalyDetector.Settings(0, 5.0, 10)));
    private final Principal limited = new Principal("key_1", "ci", Scopes.CHAT, new KeyLimits(5L, 1000L));

    @Test
    void admitAndFinish_shouldReserveThenSettleAndCountUsage_whenACallCompletes() {
        // given
        Metering.Ticket ticket = metering.admit(limited, new Metering.Caller("cli", "203.0.113.1"), 700);

        // when
        metering.finish(ticket, new Usage(100, 50, 20, 30));
        recorder.flush();

        // then: the reservation of 700 became the real 200 tokens (100 + 20 + 30 input, 50 output)
        assertThat(limiter.count("key_1", ticket.reservation().window()).tokens())
                .isEqualTo(200);
        assertThat(usageStore.added()).singleElement().satisfies(d -> {
            assertThat(d.keyId()).isEqualTo("key_1");
            assertThat(d.inputTokens()).isEqualTo(150);
            assertThat(d.outputTokens()).isEqualTo(50);
        });
    }

    @Test
    void admit_shouldShowTheCallerToTheAnomalyDetector_whenACallIsAdmitted() {
        metering.admit(limited, new Metering.Caller("curl/8", "198.51.100.1"), 1);

        // warm-up 0: the very first agent and network are already "new"
        assertThat(findings).extracting(AuditEvent::action).contains("key.new_user_agent");
    }

    @Test
    void admit_shouldPropagateTheRateLimit_whenTheKeyIsOverItsLimit() {
        Principal one = new Principal("key_2", "ci", Scopes.CHAT, new KeyLimits(1L, null));
        metering.admit(one, new Metering.Caller(null, null), 1);

        assertThatThrownBy(() -> metering.admit(one, new Metering.Caller(null, null), 1))
                .isInstanceOf(RateLimitError.class);
    }

    @Test
    void admit_shouldNotFeedTheAnomalyDetector_whenTheCallIsRefusedWith429() {
        // given: a key with one request per minute, already used
        Principal one = new Principal("key_3", "ci", Scopes.CHAT, new KeyLimits(1L, null));
        metering.admit(one, new Metering.Caller("cli", "203.0.113.1"), 1);
        findings.clear();

        // when: refused requests cycle agents to flood the audit trail
        for (int i = 0; i < 10; i++) {
            Metering.Caller flood = new Metering.Caller("agent-" + i, "198.51.100." + i);
            assertThatThrownBy(() -> metering.admit(one, flood, 1)).isInstanceOf(RateLimitError.class);
        }

        // then
        assertThat(findings).isEmpty();
    }

    @Test
    void finish_shouldCountUsageWithoutSettling_whenNothingWasReserved() {
        Metering.Ticket ticket = new Metering.Ticket("key_1", null);

        metering.finish(ticket, Usage.ZERO);
        recorder.flush();

        assertThat(usageStore.added()).extracting(UsageDelta::requests).containsExactly(1L);
        assertThat(limiter.settled.get()).isZero();
    }

    @Test
    @Tag("error-path")
    void finish_shouldNeverThrow_whenAccountingFails() {
        // given: a limiter whose settle fails after the answer went out
        RateLimiter failing = new InMemoryRateLimiter().failingSettles(true);
        KeyMetering m = new KeyMetering(
                new Admission(failing, clock),
                recorder,
                new AnomalyDetector(clock, e -> {}, AnomalyDetector.Settings.defaults()));
        Metering.Ticket ticket = m.admit(limited, new Metering.Caller(null, null), 500);

        // when
        m.finish(ticket, new Usage(1, 1, 0, 0));

        // then: no exception reached the caller, and the usage was still counted
        assertThat(recorder.backlog()).isEqualTo(1);
    }

    @Test
    void none_shouldAdmitEverythingAndRecordNothing_whenMeteringIsOff() {
        Metering.Ticket ticket = Metering.NONE.admit(limited, new Metering.Caller(null, null), 1_000_000);

        Metering.NONE.finish(ticket, Usage.ZERO);

        assertThat(ticket).isEqualTo(new Metering.Ticket("key_1", null));
        assertThat(limiter.acquisitions.get()).isZero();
    }
}
