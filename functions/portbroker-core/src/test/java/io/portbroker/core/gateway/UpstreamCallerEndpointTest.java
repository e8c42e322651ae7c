package io.portbroker.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpstreamCallerEndpointTest {

    @Test
    void endpoint_shouldJoinWithOneSlash_whateverTheBaseAndPathEndWith() {
        assertThat(UpstreamCaller.endpoint(URI.create("https://api.x/v1/"), "/messages"))
                .hasToString("https://api.x/v1/messages");
        assertThat(UpstreamCaller.endpoint(URI.create("https://api.x/v1"), "chat/completions"))
                .hasToString("https://api.x/v1/chat/completions");
    }
}
