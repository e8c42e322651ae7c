package io.portbroker.secrets;

import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.contract.RemoteSettingsStoreContract;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The SSM remote layer on the moto emulator, through the same contract as the in-memory fake. */
class SsmRemoteSettingsContractTest extends RemoteSettingsStoreContract {

    private static final SsmClient SSM = SsmClient.builder()
            .endpointOverride(MotoEndpoint.resolve())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    protected RemoteSettingsStore newStore() {
        // a fresh path per test: parameters of other tests (and other runs on the same emulator) never show up
        return new SsmRemoteSettings(SSM, "/pb-test-" + UUID.randomUUID() + "/config");
    }
}
