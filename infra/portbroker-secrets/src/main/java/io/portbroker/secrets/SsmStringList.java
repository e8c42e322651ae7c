package io.portbroker.secrets;

import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/**
 * Reads an SSM parameter holding a comma-separated list (a {@code StringList} or {@code String}), for settings an
 * operator changes without a deploy, such as the admin API's CORS origins.
 */
public final class SsmStringList {
    private final SsmClient ssm;
    private final String name;

    public SsmStringList(SsmClient ssm, String name) {
        this.ssm = ssm;
        this.name = name;
    }

    /**
     * The current entries, trimmed, empty ones dropped.
     *
     * @throws IllegalStateException when the parameter cannot be read (the name is in the message, no value)
     */
    public List<String> read() {
        String value;
        try {
            value = ssm.getParameter(b -> b.name(name)).parameter().value();
        } catch (SsmException e) {
            throw new IllegalStateException(
                    "SSM parameter " + name + " cannot be read: " + e.getClass().getSimpleName());
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Creates the parameter with these entries unless it exists (the local stack's first start). */
    public void createIfAbsent(List<String> entries) {
        try {
            ssm.putParameter(b -> b.name(name)
                    .type("StringList")
                    .value(String.join(",", entries))
                    .overwrite(false));
        } catch (ParameterAlreadyExistsException exists) {
            // an operator may have edited it since: keep their list
        }
    }
}
