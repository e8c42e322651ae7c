package io.portbroker.secrets;

import io.portbroker.core.settings.RemoteSettingsStore;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The remote settings layer in SSM Parameter Store: one {@code String} parameter per setting under a path per
 * environment, named like the key with slashes ({@code /portbroker/prod/config/runtime/cors/allowed-origins} for
 * {@code runtime.cors.allowed-origins}). Read with one paginated {@code GetParametersByPath} (recursive).
 *
 * <p>Why SSM rather than AppConfig: a handful of small values read every few seconds fits SSM's free standard
 * tier and needs no deployment strategy, application/profile/environment resources, or the AppConfig agent
 * layer; PortBroker already polls its own DynamoDB version item for fan-out and validates every change itself
 * (rejecting it whole), which is what AppConfig's validators and rollout would add; and the local emulator (moto)
 * serves SSM.
 */
public final class SsmRemoteSettings implements RemoteSettingsStore {
    private final SsmClient ssm;
    private final String path;

    /**
     * @param ssm the container's SSM client
     * @param path the environment's path, e.g. {@code /portbroker/prod/config} (no trailing slash)
     */
    public SsmRemoteSettings(SsmClient ssm, String path) {
        this.ssm = ssm;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public Map<String, String> read() {
        Map<String, String> out = new LinkedHashMap<>();
        ssm.getParametersByPathPaginator(b -> b.path(path).recursive(true)).stream()
                .flatMap(page -> page.parameters().stream())
                .forEach((Parameter p) -> out.put(toKey(p.name()), p.value()));
        return out;
    }

    @Override
    public void put(String key, String value) {
        ssm.putParameter(
                b -> b.name(toName(key)).type(ParameterType.STRING).value(value).overwrite(true));
    }

    @Override
    public void remove(String key) {
        try {
            ssm.deleteParameter(b -> b.name(toName(key)));
        } catch (ParameterNotFoundException absent) {
            // already at the lower layers' value
        }
    }

    private String toName(String key) {
        return path + "/" + key.replace('.', '/');
    }

    private String toKey(String name) {
        return name.substring(path.length() + 1).replace('/', '.');
    }
}
