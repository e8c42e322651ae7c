package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningStyle;

/**
 * Expresses the thinking config in the provider's reasoning controls. Disabled thinking never carries an effort
 * (DeepSeek rejects disabled thinking plus {@code reasoning_effort}: anthropics/claude-code#65863).
 */
final class OpenAiReasoningEncoder {
    static final int LOW_BELOW = 4096;
    static final int MEDIUM_BELOW = 16_384;

    private OpenAiReasoningEncoder() {}

    static void write(ObjectNode body, ThinkingConfig thinking, ReasoningStyle style, Notes notes) {
        if (thinking == null) {
            return;
        }
        boolean enabled = !(thinking instanceof ThinkingConfig.Disabled);
        switch (style) {
            case NONE -> {
                if (enabled) {
                    notes.add("dropped thinking: the target has no reasoning controls");
                }
            }
            case OPENAI_EFFORT -> {
                if (enabled) {
                    body.put("reasoning_effort", effort(thinking));
                } else {
                    notes.add("dropped disabled thinking: the target cannot turn reasoning off");
                }
            }
            case DEEPSEEK -> {
                body.putObject("thinking").put("type", enabled ? "enabled" : "disabled");
                if (enabled) {
                    body.put("reasoning_effort", effort(thinking));
                }
            }
            case OPENROUTER -> {
                ObjectNode reasoning = body.putObject("reasoning");
                switch (thinking) {
                    case ThinkingConfig.Enabled e -> reasoning.put("max_tokens", e.budgetTokens());
                    case ThinkingConfig.Adaptive a -> reasoning.put("effort", effort(a));
                    case ThinkingConfig.Disabled d -> reasoning.put("enabled", false);
                }
            }
            case CHAT_TEMPLATE_KWARGS -> body.putObject("chat_template_kwargs").put("enable_thinking", enabled);
        }
    }

    /** low/medium/high from a budget (below 4096 low, below 16384 medium) or from an adaptive effort. */
    static String effort(ThinkingConfig thinking) {
        if (thinking instanceof ThinkingConfig.Enabled e) {
            return e.budgetTokens() < LOW_BELOW ? "low" : e.budgetTokens() < MEDIUM_BELOW ? "medium" : "high";
        }
        String effort = thinking instanceof ThinkingConfig.Adaptive a ? a.effort() : null;
        return switch (effort == null ? "" : effort) {
            case "low" -> "low";
            case "high", "xhigh", "max" -> "high";
            default -> "medium";
        };
    }
}
