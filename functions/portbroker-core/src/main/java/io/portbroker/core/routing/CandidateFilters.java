package io.portbroker.core.routing;

import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The filters between a route's targets and the strategy. The capability filter prefers targets that can do what
 * the request needs (tools, images, PDFs, context length); when none can, every target stays, because the codecs
 * degrade with a note rather than fail. The health filter drops targets whose breaker is open; when that leaves
 * none, the request fails fast instead of queueing on dead providers.
 */
public final class CandidateFilters {

    private CandidateFilters() {}

    /** Whether a candidate can serve the needs. */
    public static final BiPredicate<Candidate, RequestNeeds> CAPABLE = (c, needs) -> {
        var profile = c.provider().profile().common();
        Integer window = c.target().contextWindow();
        return (!needs.tools() || takesTools(c.provider()))
                && (!needs.images() || profile.vision())
                && (!needs.documents() || profile.pdf())
                && (window == null || needs.estimatedInputTokens() < window);
    };

    /** An OpenAI-compatible provider that accepts no tool_choice mode takes no tools; other dialects always do. */
    private static boolean takesTools(ProviderConfig provider) {
        return provider.profile()
                .part(OpenAiChatCapabilities.class)
                .map(p -> !p.toolChoiceModes().isEmpty())
                .orElse(true);
    }

    /** The capable candidates, or all of them when none is capable. */
    public static List<Candidate> capable(List<Candidate> candidates, RequestNeeds needs) {
        List<Candidate> capable =
                candidates.stream().filter(c -> CAPABLE.test(c, needs)).toList();
        return capable.isEmpty() ? candidates : capable;
    }

    /**
     * The candidates whose breaker lets traffic through.
     *
     * @throws OverloadedError when every breaker is open (with the time until the first may probe again)
     */
    public static List<Candidate> healthy(List<Candidate> candidates, TargetHealth health, String model) {
        List<Candidate> healthy =
                candidates.stream().filter(c -> health.isAvailable(c.id())).toList();
        if (healthy.isEmpty() && !candidates.isEmpty()) {
            Duration soonest = candidates.stream()
                    .map(c -> health.unavailableFor(c.id()))
                    .min(Duration::compareTo)
                    .orElse(Duration.ZERO);
            throw new OverloadedError(
                    "every provider for model '" + model + "' is temporarily unavailable",
                    Math.max(1, (soonest.toMillis() + 999) / 1000));
        }
        return healthy;
    }
}
