package io.portbroker.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A JavaBean settings group is walked by reflection: keys, defaults, docs, binding problems, its own checks. */
class BeanGroupTest {

    /** A group as the wiring module writes them: fields with defaults, setters, getters, a to* check. */
    public static class Sample {
        static final int IGNORED = 1;
        private final String notSettable = "x";
        private Duration waitTime = Duration.ofSeconds(5);
        private int count = 3;
        private boolean on;
        private List<String> names = new ArrayList<>();
        private String webhookUrl;

        public Sample() {}

        /** @throws IllegalArgumentException when count is negative */
        public Duration toWait() {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
            return waitTime;
        }

        public String getNotSettable() {
            return notSettable;
        }

        @Doc("How long to wait.")
        public Duration getWaitTime() {
            return waitTime;
        }

        public void setWaitTime(Duration waitTime) {
            this.waitTime = waitTime;
        }

        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }

        public boolean isOn() {
            return on;
        }

        public void setOn(boolean on) {
            this.on = on;
        }

        public List<String> getNames() {
            return names;
        }

        public void setNames(List<String> names) {
            this.names = names;
        }

        public String getWebhookUrl() {
            return webhookUrl;
        }

        public void setWebhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
        }
    }

    /** No public no-argument constructor. */
    public static class Broken {
        public Broken(int x) {}
    }

    private final BeanGroup group = new BeanGroup("sample", Sample.class);

    @Test
    void settings_shouldListEverySettablePropertyInOrderWithDefaultsAndDocs_whenWalked() {
        // when
        List<BeanSetting> settings = group.settings();

        // then
        assertThat(settings)
                .extracting(BeanSetting::fullKey)
                .containsExactly(
                        "portbroker.sample.wait-time",
                        "portbroker.sample.count",
                        "portbroker.sample.on",
                        "portbroker.sample.names",
                        "portbroker.sample.webhook-url");
        BeanSetting wait = settings.get(0);
        assertThat(wait.environmentVariable()).isEqualTo("PORTBROKER_SAMPLE_WAIT_TIME");
        assertThat(wait.defaultText()).isEqualTo("5s");
        assertThat(wait.doc()).isEqualTo("How long to wait.");
        assertThat(wait.secret()).isFalse();
        assertThat(settings.get(1).doc()).isEmpty();
        assertThat(settings.get(4).secret()).isTrue();
        assertThat(settings.get(4).defaultText()).isEmpty();
    }

    @Test
    void bind_shouldSetEveryGivenValue_whenAllAreValid() {
        // given
        List<SettingsProblem> problems = new ArrayList<>();

        // when
        Object bean = group.bind(
                Map.of(
                        "portbroker.sample.wait-time", "2m",
                        "portbroker.sample.names", "a, b",
                        "portbroker.sample.on", "true",
                        "portbroker.other.count", "9"),
                problems);

        // then
        assertThat(problems).isEmpty();
        assertThat(group.values(bean))
                .containsEntry("portbroker.sample.wait-time", "2m")
                .containsEntry("portbroker.sample.names", "a,b")
                .containsEntry("portbroker.sample.on", "true")
                .containsEntry("portbroker.sample.count", "3")
                .containsEntry("portbroker.sample.webhook-url", "");
    }

    @Test
    void bind_shouldReportEveryUnreadableValueByKey_whenSeveralAreBad() {
        // given
        List<SettingsProblem> problems = new ArrayList<>();

        // when
        group.bind(Map.of("portbroker.sample.wait-time", "soon", "portbroker.sample.count", "many"), problems);

        // then
        assertThat(problems)
                .extracting(SettingsProblem::key)
                .containsExactlyInAnyOrder("portbroker.sample.wait-time", "portbroker.sample.count");
    }

    @Test
    void bind_shouldReportTheGroupsOwnCheck_whenItRefusesTheValues() {
        // given
        List<SettingsProblem> problems = new ArrayList<>();

        // when
        group.bind(Map.of("portbroker.sample.count", "-1"), problems);

        // then
        assertThat(problems).containsExactly(new SettingsProblem("portbroker.sample", "count must not be negative"));
    }

    @Test
    void settings_shouldFail_whenTheClassHasNoNoArgumentConstructor() {
        assertThatThrownBy(() -> new BeanGroup("broken", Broken.class).settings())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-argument constructor");
    }

    @Test
    void render_shouldAppendTheStartupGroups_whenGiven() {
        // when
        String doc = SettingsDocs.render(List.of(group, ThrottleGroup.group()));

        // then: each property says whether it reloads
        assertThat(doc)
                .contains("## Start-up groups", "### portbroker.sample (`Sample`)")
                .contains("| Key | Environment variable | Type | Default | Reloadable | Description |")
                .contains(
                        "| `portbroker.sample.wait-time` | `PORTBROKER_SAMPLE_WAIT_TIME` | duration | `5s` | no (restart"
                                + " required) | How long to wait. |")
                .contains("| `portbroker.sample.names` | `PORTBROKER_SAMPLE_NAMES` | list | (empty) |")
                .contains("| `portbroker.throttle.limit` | `PORTBROKER_THROTTLE_LIMIT` | int | `10` | yes |")
                .contains("(masked when shown)");
        assertThat(SettingsDocs.render()).doesNotContain("Start-up groups");
    }
}
