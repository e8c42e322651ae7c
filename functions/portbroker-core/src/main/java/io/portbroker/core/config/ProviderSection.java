package io.portbroker.core.config;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.core.upstream.CredentialEnvPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Turns one {@code providers:} entry into a provider, recording every problem instead of stopping at the first. */
final class ProviderSection {

    static final String DEFAULT_DIALECT = "openai-chat";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern DIALECT = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
    /** Words of environment variable names are short; a long unbroken run is a pasted key, not a name. */
    private static final int LONGEST_NAME_WORD = 24;

    private ProviderSection() {}

    static ProviderConfig read(RawConfig.Provider raw, int index, Problems problems) {
        String where = raw.id() == null ? "providers[" + index + "]" : "providers[" + raw.id() + "]";
        problems.require(
                raw.id() != null && ID.matcher(raw.id()).matches(),
                where + ".id",
                "required; lower-case letters, digits, '.', '_' or '-' (at most 64)");
        String dialect = raw.dialect() == null ? DEFAULT_DIALECT : raw.dialect();
        problems.require(
                DIALECT.matcher(dialect).matches(), where + ".dialect", "must be a dialect name such as openai-chat");
        if (BedrockModel.DIALECT.equals(dialect)) {
            return BedrockSection.read(raw, where, problems);
        }
        problems.require(
                raw.region() == null && raw.modelId() == null && raw.endpointOverride() == null,
                where,
                "region, model_id and endpoint_override belong to dialect " + BedrockModel.DIALECT + " only");
        return new ProviderConfig(
                raw.id(),
                dialect,
                baseUrl(raw.baseUrl(), where + ".base_url", problems),
                credentialRef(raw.apiKeyEnv(), where + ".api_key_env", problems),
                ProfileSection.read(raw, dialect, where, problems),
                timeouts(raw.timeouts(), where + ".timeouts", problems),
                raw.enabled() == null || raw.enabled(),
                pricing(raw.pricing(), where + ".pricing", problems),
                null);
    }

    /** Both prices or neither: a half-filled price table would rank the provider as free. */
    static ProviderConfig.Pricing pricing(RawConfig.Pricing raw, String where, Problems problems) {
        if (raw == null) {
            return null;
        }
        boolean valid = problems.require(
                raw.inputPerMillion() != null
                        && raw.outputPerMillion() != null
                        && raw.inputPerMillion() >= 0
                        && raw.outputPerMillion() >= 0,
                where,
                "needs input_per_million and output_per_million, both non-negative US dollars");
        return valid ? new ProviderConfig.Pricing(raw.inputPerMillion(), raw.outputPerMillion()) : null;
    }

    static URI baseUrl(String raw, String where, Problems problems) {
        if (!problems.require(raw != null && !raw.isBlank(), where, "required")) {
            return null;
        }
        try {
            URI uri = new URI(raw.strip());
            boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            problems.require(http && uri.getHost() != null, where, "must be an absolute http(s) URL");
            // credentials or query tokens in the URL would be stored and logged as plain configuration
            problems.require(uri.getRawUserInfo() == null, where, "must not contain user info; use api_key_env");
            problems.require(
                    uri.getRawQuery() == null && uri.getRawFragment() == null,
                    where,
                    "must not contain a query or fragment");
            return uri;
        } catch (URISyntaxException e) {
            problems.add(where, "is not a valid URL");
            return null;
        }
    }

    /** {@code env:NAME}, or null when the provider needs no key (a local vLLM or Ollama). */
    private static String credentialRef(String envName, String where, Problems problems) {
        if (envName == null) {
            return null;
        }
        boolean name = ENV_NAME.matcher(envName).matches()
                && Arrays.stream(envName.split("_")).allMatch(word -> word.length() <= LONGEST_NAME_WORD);
        problems.require(
                name,
                where,
                "must be the NAME of an environment variable holding the key (e.g. OPENAI_API_KEY),"
                        + " upper-case letters, digits and '_'; never the key itself");
        // the same refusal at seed time and at admin save time; the call path checks the configured policy again
        CredentialEnvPolicy.ofDefaults().problem(envName).ifPresent(problem -> problems.add(where, problem));
        return "env:" + envName;
    }

    static Timeouts timeouts(RawConfig.Timeouts raw, String where, Problems problems) {
        Timeouts d = Timeouts.defaults();
        if (raw == null) {
            return d;
        }
        return new Timeouts(
                duration(raw.connect(), d.connect(), where + ".connect", problems),
                duration(raw.firstToken(), d.firstToken(), where + ".first_token", problems),
                duration(raw.idle(), d.idle(), where + ".idle", problems),
                duration(raw.total(), d.total(), where + ".total", problems));
    }

    static Duration duration(String raw, Duration fallback, String where, Problems problems) {
        if (raw == null) {
            return fallback;
        }
        return DurationText.parse(raw).orElseGet(() -> {
            problems.add(where, "must be a positive duration such as 500ms, 5s, 2m or PT1M");
            return fallback;
        });
    }
}
