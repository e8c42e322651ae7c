package io.portbroker.core.http;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.http.steps.AdmissionStep;
import io.portbroker.core.http.steps.AnswerStep;
import io.portbroker.core.http.steps.CountTokensStep;
import io.portbroker.core.http.steps.DataRoute;
import io.portbroker.core.http.steps.DecodeStep;
import io.portbroker.core.http.steps.MessagesStep;
import io.portbroker.core.http.steps.OpenAiCallers;
import io.portbroker.core.http.steps.RequestAdmissionStep;
import io.portbroker.core.http.steps.SizeStep;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.routing.Router;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.TokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The data plane's route table: every route declares its method, path, scope, client dialect and steps. A new
 * client dialect adds its routes here (one block) and nothing else in the pipeline changes.
 */
public final class DataRoutes {
    private DataRoutes() {}

    /**
     * What the routes are built from.
     *
     * @param anthropic the Anthropic Messages client dialect (always served)
     * @param openAi the OpenAI Chat Completions client dialect, or null to not serve its routes
     * @param tokens the input-token estimator used by admission and {@code count_tokens}
     * @param metricsPage renders {@code GET /metrics}, or null to not serve it
     */
    public record Parts(
            ClientDialect anthropic,
            ClientDialect openAi,
            Messages messages,
            TokenCounter tokens,
            Router router,
            long maxBodyBytes,
            Metering metering,
            Metrics metrics,
            Supplier<byte[]> metricsPage) {}

    static RouteTable<DataRoute> table(Parts p) {
        ClientDialect anthropic = p.anthropic();
        ModelCatalog models = new ModelCatalog(p.router());
        List<Endpoint<DataRoute>> endpoints = new ArrayList<>();
        DataRoute health =
                DataRoute.of(anthropic, AnswerStep.json(x -> "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8)));
        endpoints.add(new Endpoint<>("GET", "/health", null, "liveness", health));
        endpoints.add(new Endpoint<>("GET", "/", null, "liveness", health));
        endpoints.add(new Endpoint<>(
                "POST", "/v1/messages", Scopes.CHAT_WRITE, "create a message", messagesRoute(anthropic, p)));
        endpoints.add(new Endpoint<>(
                "POST",
                "/v1/messages/count_tokens",
                Scopes.CHAT_READ,
                "count tokens",
                DataRoute.of(
                        anthropic,
                        new SizeStep(p.maxBodyBytes()),
                        new RequestAdmissionStep(p.metering()),
                        new CountTokensStep(p.tokens()))));
        ClientDialect openAi = p.openAi();
        DataRoute.DialectChoice modelsDialect =
                openAi == null ? r -> anthropic : r -> OpenAiCallers.isOpenAi(r) ? openAi : anthropic;
        endpoints.add(new Endpoint<>(
                "GET",
                "/v1/models",
                Scopes.CHAT_READ,
                "list models",
                new DataRoute(
                        modelsDialect,
                        pipeline(
                                AnswerStep.json(x -> x.dialect() == openAi ? models.listOpenAi() : models.list(""))))));
        endpoints.add(new Endpoint<>(
                "GET",
                "/v1/models/{id+}",
                Scopes.CHAT_READ,
                "get a model",
                new DataRoute(
                        modelsDialect,
                        pipeline(AnswerStep.json(x -> x.dialect() == openAi
                                ? models.oneOpenAi(x.params().get("id"))
                                : models.one(x.params().get("id")))))));
        if (openAi != null) {
            DataRoute chat = messagesRoute(openAi, p);
            endpoints.add(new Endpoint<>(
                    "POST", "/v1/chat/completions", Scopes.CHAT_WRITE, "create a chat completion", chat));
            endpoints.add(new Endpoint<>(
                    "POST",
                    OpenAiCallers.PREFIX + "/v1/chat/completions",
                    Scopes.CHAT_WRITE,
                    "create a chat completion",
                    chat));
            endpoints.add(new Endpoint<>(
                    "GET",
                    OpenAiCallers.PREFIX + "/v1/models",
                    Scopes.CHAT_READ,
                    "list models (OpenAI shape)",
                    DataRoute.of(openAi, AnswerStep.json(x -> models.listOpenAi()))));
            endpoints.add(new Endpoint<>(
                    "GET",
                    OpenAiCallers.PREFIX + "/v1/models/{id+}",
                    Scopes.CHAT_READ,
                    "get a model (OpenAI shape)",
                    DataRoute.of(
                            openAi,
                            AnswerStep.json(x -> models.oneOpenAi(x.params().get("id"))))));
        }
        if (p.metricsPage() != null) {
            // unauthenticated by design: only served where GatewaySettings#exposeMetrics holds (the local stack)
            Supplier<byte[]> page = p.metricsPage();
            endpoints.add(new Endpoint<>(
                    "GET",
                    "/metrics",
                    null,
                    "Prometheus metrics",
                    DataRoute.of(anthropic, new AnswerStep(InMemoryMetrics.CONTENT_TYPE, x -> page.get()))));
        }
        return new RouteTable<>(endpoints);
    }

    /** size → decode (the route's dialect) → admission → the Messages port, encoded and answered. */
    private static DataRoute messagesRoute(ClientDialect dialect, Parts p) {
        return DataRoute.of(
                dialect,
                new SizeStep(p.maxBodyBytes()),
                new DecodeStep(),
                new AdmissionStep(p.metering(), p.tokens()),
                new MessagesStep(p.messages(), p.metrics()));
    }

    private static io.portbroker.core.http.steps.Pipeline pipeline(io.portbroker.core.http.steps.Step step) {
        return new io.portbroker.core.http.steps.Pipeline(List.of(step));
    }
}
