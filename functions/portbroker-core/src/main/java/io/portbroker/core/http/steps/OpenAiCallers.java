package io.portbroker.core.http.steps;

import io.portbroker.core.http.ApiRequest;

/**
 * Tells an OpenAI client from an Anthropic one on a path both use ({@code GET /v1/models}): Anthropic's SDKs and
 * Claude Code always send {@code anthropic-version}; OpenAI's SDKs never do and authenticate with
 * {@code Authorization: Bearer}. Paths under {@code /openai/} are always OpenAI.
 */
public final class OpenAiCallers {
    /** The prefix under which every OpenAI-dialect route is also served. */
    public static final String PREFIX = "/openai";

    private OpenAiCallers() {}

    /** True when the request comes from an OpenAI-dialect client. */
    public static boolean isOpenAi(ApiRequest request) {
        if (request.path().startsWith(PREFIX + "/") || request.path().startsWith("/v1/chat/")) {
            return true;
        }
        return request.header("anthropic-version").isEmpty()
                && request.header("x-api-key").isEmpty()
                && request.header("authorization")
                        .map(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                        .orElse(false);
    }
}
