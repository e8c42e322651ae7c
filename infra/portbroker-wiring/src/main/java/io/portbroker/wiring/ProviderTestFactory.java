package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.ProviderTestAdmin;
import io.portbroker.core.admin.ProviderUrlGuard;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.UpstreamDialects;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import io.portbroker.protocol.upstream.anthropic.AnthropicNativeDialect;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires {@code POST /admin/v1/providers/{id}/test}: the same transport (with its DNS guard against private
 * addresses), credential resolver, upstream dialects and SDK-backed upstream clients (Bedrock) as the data plane, so
 * a test call goes exactly where and how a client's request would.
 */
@Factory
public class ProviderTestFactory {

    @Singleton
    ProviderTestAdmin providerTestAdmin(
            ConfigStore config,
            UpstreamTransport transport,
            CredentialResolver credentials,
            ProviderUrlGuard urlGuard,
            AuditLog audit,
            ThinkingSignatures signatures,
            UpstreamClients clients,
            Clock clock) {
        // the dialects the data plane registers (DataPlane.assemble); a dialect added there belongs here too
        UpstreamDialects dialects = new UpstreamDialects(List.of(
                new OpenAiChatDialect(signatures, clock, Ids::messageId),
                new AnthropicNativeDialect(signatures, clock, Ids::messageId)));
        return new ProviderTestAdmin(
                new ProviderTestAdmin.Parts(config, dialects, clients, transport, credentials, urlGuard, audit, clock));
    }
}
