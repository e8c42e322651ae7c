package io.portbroker.core.cache;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.gateway.StreamStarter;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Requests, answers, a config and a scripted inner {@link Messages} for the cache tests. */
final class CacheFixtures {
    static final AnthropicMessagesDialect ANTHROPIC = new AnthropicMessagesDialect(true);

    private CacheFixtures() {}

    static NormalizedRequest request(String json) {
        return ANTHROPIC.decodeRequest(json.getBytes(StandardCharsets.UTF_8), new Notes());
    }

    static NormalizedRequest request(Requests body) {
        return ANTHROPIC.decodeRequest(body.bytes(), new Notes());
    }

    /** A deterministic request (temperature 0) for claude-sonnet-4-5 saying {@code text}. */
    static NormalizedRequest ask(String text, boolean stream) {
        return request(Requests.messages("claude-sonnet-4-5").set("temperature", 0).stream(stream)
                .user(text));
    }

    static NormalizedResponse answer(String text, StopReason reason) {
        return new NormalizedResponse(
                "msg_1",
                "claude-sonnet-4-5",
                List.of(new ContentBlock.Text(text)),
                reason,
                null,
                new Usage(12, 5, 0, 0));
    }

    static InMemoryConfigStore config() {
        InMemoryConfigStore config = new InMemoryConfigStore();
        config.putProvider(provider("https://api.example.com/v1"));
        config.putRoute(
                Routes.route("claude-sonnet-4-5").to("fake", "fake-model").build());
        return config;
    }

    static ProviderConfig provider(String baseUrl) {
        return Providers.openAi("fake")
                .baseUrl(baseUrl)
                .credentialRef("env:X")
                .pricing(1.0, 2.0)
                .build();
    }

    static RequestContext ctx(String keyId, String cacheHeader, String... scopes) {
        Set<String> granted = new HashSet<>(Scopes.CHAT);
        granted.addAll(List.of(scopes));
        Map<String, String> headers = cacheHeader == null ? Map.of() : Map.of(CacheMode.HEADER, cacheHeader);
        return new RequestContext(
                "req_1", null, new Principal(keyId, keyId, granted), headers, new ConcurrentHashMap<>());
    }

    /** An inner Messages that answers from a script and counts calls; {@code gate} holds calls until released. */
    static final class ScriptedMessages implements Messages {
        final AtomicInteger calls = new AtomicInteger();
        volatile NormalizedResponse reply = answer("hello", StopReason.END_TURN);
        volatile boolean failStream;
        volatile RuntimeException failure;
        volatile CountDownLatch gate;

        @Override
        public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
            calls.incrementAndGet();
            await();
            if (failure != null) {
                throw failure;
            }
            return new Served<>(reply, "fake");
        }

        @Override
        public void stream(
                NormalizedRequest request,
                RequestContext ctx,
                Notes notes,
                StreamStarter starter,
                Consumer<Runnable> cancellation) {
            calls.incrementAndGet();
            await();
            if (failure != null) {
                throw failure;
            }
            StreamEventSink sink = starter.start("fake");
            List<StreamEvent> events = new ArrayList<>(StreamReplay.derive(reply));
            if (failStream) {
                events = new ArrayList<>(events.subList(0, 3));
                events.add(new StreamEvent.Error(io.portbroker.error.ErrorCategory.PROVIDER_SERVER, "lost"));
            }
            events.add(1, new StreamEvent.Ping());
            events.forEach(sink::accept);
        }

        private void await() {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Collects events of a stream and the provider id the stream started with. */
    static final class CollectingStarter implements StreamStarter {
        final List<StreamEvent> events = new ArrayList<>();
        String provider;

        @Override
        public StreamEventSink start(String providerId) {
            provider = providerId;
            return events::add;
        }
    }

    static Instant t0() {
        return Instant.parse("2026-03-01T10:00:00Z");
    }
}
