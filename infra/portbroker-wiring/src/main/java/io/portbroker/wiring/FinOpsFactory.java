package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.CostServices;
import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecorder;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.dynamodb.DynamoCostLedger;
import io.portbroker.dynamodb.DynamoPriceBook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** FinOps: the price table and cost ledger on DynamoDB, the per-request cost recorder, the admin cost routes. */
@Factory
public class FinOpsFactory {
    private final io.portbroker.core.settings.Settings config;

    public FinOpsFactory(io.portbroker.core.settings.Settings config) {
        this.config = config;
    }

    @Singleton
    PriceBook priceBook(DynamoDbClient client, Clock clock) {
        return new DynamoPriceBook(client, config.infrastructure().tablePrefix(), clock);
    }

    @Singleton
    CostLedger costLedger(DynamoDbClient client) {
        return new DynamoCostLedger(client, config.infrastructure().tablePrefix());
    }

    @Singleton
    CostServices costServices(PriceBook prices, CostLedger ledger) {
        return new CostServices(prices, ledger);
    }

    /** Ledger writes run on virtual threads, off the response path; prices are re-read every minute. */
    @Singleton
    CostRecorder costRecorder(PriceBook prices, CostLedger ledger, ConfigStore store, Clock clock) {
        return new CostRecorder(
                prices,
                ledger,
                store,
                clock,
                Executors.newVirtualThreadPerTaskExecutor(),
                config.infrastructure().environment(),
                Duration.ofMinutes(1));
    }
}
