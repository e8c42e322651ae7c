package io.portbroker.core.finops;

import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.observability.ObservedMessages;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.core.routing.Router;
import io.portbroker.protocol.ir.Usage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices each finished call and records it: the upstream model is the target of the route that served the client's
 * model at that provider; the price comes from the price table (re-read at most every {@code priceRefresh}), else
 * from the provider's list prices in its configuration. The ledger write runs on {@code executor}, off the
 * response path; a failure is logged and never reaches the client.
 */
public final class CostRecorder implements ObservedMessages.CostHook {
    private static final Logger LOG = LoggerFactory.getLogger(CostRecorder.class);

    private final PriceBook prices;
    private final CostLedger ledger;
    private final ConfigStore config;
    private final Clock clock;
    private final Executor executor;
    private final String env;
    private final Duration priceRefresh;
    private volatile PriceTable table;
    private volatile Instant tableReadAt = Instant.MIN;

    public CostRecorder(
            PriceBook prices,
            CostLedger ledger,
            ConfigStore config,
            Clock clock,
            Executor executor,
            String env,
            Duration priceRefresh) {
        this.prices = prices;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
        this.env = env;
        this.priceRefresh = priceRefresh;
    }

    @Override
    public Double record(RequestContext ctx, String provider, String clientModel, Usage usage) {
        String model = upstreamModel(provider, clientModel);
        PriceTable t = table();
        Optional<ModelPrice> price = t.lookup(provider, model);
        int version = t.version();
        if (price.isEmpty()) {
            price = listPrice(provider);
            version = 0;
        }
        if (price.isEmpty()) {
            return null;
        }
        double cost = price.get().cost(usage);
        String keyId = ctx.principal() == null ? "none" : ctx.principal().keyId();
        CostRecord record = new CostRecord(
                ctx.requestId(),
                clock.instant(),
                env,
                "gateway",
                provider,
                model,
                keyId,
                usage.inputTokens(),
                usage.outputTokens(),
                usage.cacheReadInputTokens(),
                usage.cacheCreationInputTokens(),
                cost,
                version);
        executor.execute(() -> {
            try {
                ledger.record(record);
            } catch (RuntimeException e) {
                LOG.warn(
                        "cost of request {} not recorded: {}",
                        ctx.requestId(),
                        e.getClass().getSimpleName());
            }
        });
        return cost;
    }

    private PriceTable table() {
        Instant now = clock.instant();
        PriceTable t = table;
        if (t == null || now.isAfter(tableReadAt.plus(priceRefresh))) {
            tableReadAt = now;
            try {
                t = prices.current();
                table = t;
            } catch (RuntimeException e) {
                t = t == null ? PriceTable.EMPTY : t;
            }
        }
        return t;
    }

    private String upstreamModel(String provider, String clientModel) {
        try {
            return Router.match(clientModel, config.routes())
                    .flatMap(r -> target(r, provider))
                    .map(RouteTarget::upstreamModel)
                    .orElse(clientModel);
        } catch (RuntimeException e) {
            return clientModel;
        }
    }

    private static Optional<RouteTarget> target(ModelRoute route, String provider) {
        return route.targets().stream()
                .filter(t -> t.providerId().equals(provider))
                .findFirst();
    }

    private Optional<ModelPrice> listPrice(String provider) {
        try {
            return config.providers().stream()
                    .filter(p -> p.id().equals(provider) && p.pricing() != null)
                    .map(ProviderConfig::pricing)
                    .map(p -> new ModelPrice(
                            p.inputPerMillion(), p.outputPerMillion(), p.inputPerMillion(), p.inputPerMillion()))
                    .findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
