package io.portbroker.core.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders docs/configuration.md from the settings records: every key with its environment variable, type,
 * default, constraints, whether it reloads, and its {@link Doc}. The file is generated, never edited by hand;
 * {@code scripts/test-config-docs.sh} fails when it is stale.
 */
public final class SettingsDocs {

    private SettingsDocs() {}

    /** The whole document, the core groups only. */
    public static String render() {
        return render(List.of());
    }

    /**
     * The whole document: the core groups, then the groups kept in JavaBeans of their own (bound at start).
     *
     * @param beanGroups the other groups, in the order they are listed
     */
    public static String render(List<BeanGroup> beanGroups) {
        Map<String, String> defaults = SettingsSchema.flatten(Settings.ofDefaults());
        StringBuilder out = new StringBuilder();
        out.append("# Configuration\n\n")
                .append("<!-- GENERATED from io.portbroker.core.settings (SettingsDocs); do not edit by hand.\n")
                .append("     Regenerate: scripts/test-config-docs.sh --write -->\n\n")
                .append(
                        "Every setting lives under `portbroker.` in one of four groups. Values come from layers, a later ")
                .append(
                        "one winning: **defaults** < **file** (the `settings:` section of `portbroker.yaml`, nested like ")
                .append("the keys, and `portbroker.<group>.*` application properties) < **environment** ")
                .append("(`PORTBROKER_<GROUP>_<KEY>`, plus the IaC's names listed below) < **remote** (SSM Parameter ")
                .append("Store under `infrastructure.remote-path`, one `String` parameter per key with `/` for `.`; ")
                .append("admin edits through `PATCH /admin/v1/config` write there).\n\n")
                .append("A bad value refuses to start with one message listing every problem by key path. ")
                .append("`runtime` and `experimental` settings reload while the gateway runs (the remote layer is ")
                .append("polled every `infrastructure.config-poll` with the config version item); a reload that fails ")
                .append("validation is rejected whole, the previous config stays, and the audit trail ")
                .append("(`config.reload_rejected`) and the metric `config_validation_failures` say why. ")
                .append(
                        "`infrastructure` and `security` settings need a restart and are refused in the remote layer.\n\n")
                .append("Why SSM Parameter Store rather than AppConfig: a handful of small values polled every few ")
                .append(
                        "seconds fits SSM's standard tier with no application/profile/deployment-strategy resources or ")
                .append("agent layer; PortBroker validates and fans out changes itself (version item in DynamoDB, ")
                .append("CONFIG_RELOAD), which is what AppConfig's validators and rollouts would add; and the local ")
                .append("emulator (moto) serves SSM.\n\n")
                .append(
                        "In AWS both `template.yaml` and `terraform/` set `PORTBROKER_CONFIG_PATH=/portbroker/<environment>/config` ")
                .append(
                        "on the gateway and admin functions; the gateway may `ssm:GetParametersByPath`/`ssm:GetParameter` ")
                .append(
                        "on that path only, the admin function also `ssm:PutParameter`/`ssm:DeleteParameter` (admin edits). ")
                .append(
                        "Parameters are `String` (nothing secret lives there), so no `kms:Decrypt` is granted for them; ")
                .append("`.ci/iac/test_parity.py` keeps both templates in agreement.\n\n")
                .append("Environment names the templates pass: ");
        List<String> aliases = new ArrayList<>();
        new java.util.TreeMap<>(EnvironmentLayer.ALIASES)
                .forEach((variable, path) -> aliases.add("`" + variable + "` → `" + path + "`"));
        out.append(String.join(", ", aliases)).append(".\n");
        String group = "";
        for (SettingKey key : SettingsSchema.keys()) {
            if (!key.group().equals(group)) {
                group = key.group();
                out.append("\n## ")
                        .append(group)
                        .append(key.reloadable() ? " (reloadable)" : " (restart required)")
                        .append("\n\n| Key | Environment variable | Type | Default | Constraints | Description |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            out.append("| `")
                    .append(key.fullKey())
                    .append("` | `")
                    .append(key.environmentVariable())
                    .append("` | ")
                    .append(type(key))
                    .append(" | ")
                    .append(cell(defaults.get(key.path())))
                    .append(" | ")
                    .append(constraints(key))
                    .append(" | ")
                    .append(key.doc().replace("|", "\\|"))
                    .append(key.secret() ? " (masked when shown)" : "")
                    .append(" |\n");
        }
        beanGroups(beanGroups, out);
        out.append(walkthrough());
        return out.toString();
    }

    /** The hand-run section for a new user on {@code ./pb local} (a resource next to this class). */
    static String walkthrough() {
        try (java.io.InputStream in = SettingsDocs.class.getResourceAsStream("walkthrough.md")) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read walkthrough.md", e);
        }
    }

    private static void beanGroups(List<BeanGroup> groups, StringBuilder out) {
        if (groups.isEmpty()) {
            return;
        }
        out.append("\n## Start-up groups\n\n")
                .append(
                        "These groups are JavaBeans of their own (`portbroker.<group>.*`), bound from the same layers as ")
                .append("the groups above: the `settings:` section of `portbroker.yaml` (`settings: {overload: ")
                .append("{max-in-flight: 64}}`) and application properties < `PORTBROKER_<GROUP>_<KEY>` < the remote ")
                .append("layer (SSM, e.g. `/<prefix>/config/overload/max-in-flight`). They are validated with the ")
                .append("groups above at start (one message listing every problem) and shown by ")
                .append("`GET /admin/v1/config/effective` with their source. A property marked **yes** under ")
                .append("*Reloadable* changes live through `PATCH /admin/v1/config` or the remote layer; any other is ")
                .append("read once at start: a change of it in the remote layer or an edit is refused with ")
                .append("`restart required: <key>`, the config in force stays, and the audit trail ")
                .append("(`config.reload_rejected`, `config.update_rejected`) and `config_validation_failures` say ")
                .append("why. The cache policy is changed live through `PUT /admin/v1/cache/policy` ")
                .append(
                        "(`runtime.cache-policy`). A property added to one of these classes is listed here on the next ")
                .append("regeneration (restart required unless its field is marked `@Reloadable`).\n");
        for (BeanGroup g : groups) {
            out.append("\n### ")
                    .append(Settings.PREFIX)
                    .append('.')
                    .append(g.prefix())
                    .append(" (`")
                    .append(g.type().getSimpleName())
                    .append("`)\n\n| Key | Environment variable | Type | Default | Reloadable | Description |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (BeanSetting s : g.settings()) {
                Class<?> t = s.type();
                out.append("| `")
                        .append(s.fullKey())
                        .append("` | `")
                        .append(s.environmentVariable())
                        .append("` | ")
                        .append(
                                t == java.time.Duration.class
                                        ? "duration"
                                        : t == List.class ? "list" : t.getSimpleName())
                        .append(" | ")
                        .append(cell(s.defaultText()))
                        .append(s.reloadable() ? " | yes | " : " | no (restart required) | ")
                        .append(s.doc().replace("|", "\\|"))
                        .append(s.secret() ? " (masked when shown)" : "")
                        .append(" |\n");
            }
        }
    }

    private static String type(SettingKey key) {
        Class<?> t = key.type();
        return t == java.time.Duration.class ? "duration" : t == List.class ? "list" : t.getSimpleName();
    }

    private static String cell(String value) {
        return value == null || value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    private static String constraints(SettingKey key) {
        List<String> parts = new ArrayList<>();
        key.constraints().forEach(a -> describe(a, "", parts));
        key.elementConstraints().forEach(a -> describe(a, "each ", parts));
        return parts.isEmpty() ? "" : String.join("; ", parts).replace("|", "\\|");
    }

    private static void describe(Annotation a, String each, List<String> parts) {
        switch (a) {
            case NotBlank nb -> parts.add(each + "not blank");
            case Pattern p -> parts.add(each + "matches `" + p.regexp() + "`");
            case Min m -> parts.add("≥ " + m.value());
            case Max m -> parts.add("≤ " + m.value());
            case DecimalMin m -> parts.add("≥ " + m.value());
            case DecimalMax m -> parts.add("≤ " + m.value());
            case DurationRange r -> parts.add(r.min() + " … " + r.max());
            default -> {
                // @Valid and other markers say nothing about the value
            }
        }
    }
}
