package io.portbroker.core.upstream;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variables may hold a provider's key ({@code api_key_env}). A provider's key is sent upstream
 * as {@code Authorization: Bearer}, so naming the gateway's own variables ({@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}, {@code PORTBROKER_*}) would hand the Lambda role's credentials to any host an
 * {@code admin:provider} holder chooses. The gateway's own namespaces are always refused; operators may further
 * require a prefix (e.g. {@code PB_PROVIDER_}).
 *
 * @param requiredPrefixes when not empty, a name must start with one of them
 */
public record CredentialEnvPolicy(List<String> requiredPrefixes) {
    /** Namespaces of the runtime, the JVM, the dynamic loader and PortBroker itself. */
    static final List<String> DENIED_PREFIXES = List.of(
            "AWS_",
            "PORTBROKER_",
            "JAVA_",
            "JDK_",
            "JAVAX_",
            "_JAVA",
            "LAMBDA_",
            "_",
            "LD_",
            "DYLD_",
            "MICRONAUT_",
            "OTEL_",
            "SSL_",
            "SSH_",
            "GPG_",
            "GIT_",
            "MAVEN_",
            "NPM_",
            "DOCKER_",
            "KUBERNETES_",
            "ECS_",
            "CODEBUILD_",
            "GITHUB_",
            "ACTIONS_",
            "RUNNER_");

    /** Process variables that are no provider's key and may reveal the host. */
    static final Set<String> DENIED_NAMES = Set.of(
            "HOME",
            "USER",
            "LOGNAME",
            "SHELL",
            "PWD",
            "OLDPWD",
            "HOSTNAME",
            "TZ",
            "LANG",
            "TERM",
            "TMPDIR",
            "CLASSPATH",
            "JDK_JAVA_OPTIONS",
            "JAVA_TOOL_OPTIONS");

    /** {@code PATH}, {@code LD_LIBRARY_PATH}, {@code PYTHONPATH}, {@code *_HOME}: locations, never keys. */
    private static final Pattern PATH_LIKE = Pattern.compile(".*(PATH|_HOME|_DIR|_FILE)");

    public CredentialEnvPolicy {
        requiredPrefixes = List.copyOf(requiredPrefixes == null ? List.of() : requiredPrefixes);
        for (String prefix : requiredPrefixes) {
            String upper = prefix.toUpperCase(Locale.ROOT);
            if (prefix.isBlank() || DENIED_PREFIXES.stream().anyMatch(upper::startsWith)) {
                throw new IllegalArgumentException("a required credential prefix may not be empty or a denied one");
            }
        }
    }

    /** Only the gateway's own namespaces are refused. */
    public static CredentialEnvPolicy ofDefaults() {
        return new CredentialEnvPolicy(List.of());
    }

    /** Why {@code name} may not hold a provider key, or empty when it may; the reason never repeats the name. */
    public Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("must name an environment variable");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (DENIED_NAMES.contains(upper)
                || PATH_LIKE.matcher(upper).matches()
                || DENIED_PREFIXES.stream().anyMatch(upper::startsWith)) {
            return Optional.of("names a variable of the gateway's own environment (AWS_*, PORTBROKER_*, JAVA_*,"
                    + " PATH-like names and the like are never provider keys)");
        }
        if (!requiredPrefixes.isEmpty() && requiredPrefixes.stream().noneMatch(name::startsWith)) {
            return Optional.of("must start with one of the allowed prefixes " + requiredPrefixes);
        }
        return Optional.empty();
    }

    /** True when {@code name} may hold a provider key. */
    public boolean allows(String name) {
        return problem(name).isEmpty();
    }
}
