package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The parts of one OpenAI stream chunk that {@link OpenAiStreamDecoder} reads, as {@link OpenAiChunkReader}
 * found them. Text fields follow {@link JsonNode#asText(String)} with {@code ""} as default: absent or null is
 * {@code ""}, a number or boolean is its text, an object or array is {@code ""}.
 *
 * @param error the {@code error} value when present and not null (object or bare string), else null
 * @param choice the first element of {@code choices} when that is a non-empty array, else null
 * @param usage {@code usage} when it is an object, else {@code x_groq.usage} (any type), else null
 */
record OpenAiStreamChunk(JsonNode error, Choice choice, JsonNode usage) {

    /**
     * The first choice; a choice that is not an object reads as {@link #EMPTY}.
     *
     * @param delta its {@code delta}
     * @param finishReason {@code finish_reason}
     * @param stopReason vLLM's {@code stop_reason} when it is a string (the matched stop sequence), else null
     */
    record Choice(Delta delta, String finishReason, String stopReason) {
        static final Choice EMPTY = new Choice(Delta.EMPTY, "", null);
    }

    /**
     * A choice's {@code delta}; a delta that is not an object reads as {@link #EMPTY}.
     *
     * @param reasoningContent {@code reasoning_content} (DeepSeek, vLLM)
     * @param reasoning {@code reasoning} (OpenRouter, Ollama)
     * @param content {@code content}
     * @param toolCalls {@code tool_calls}, one fragment per array element, in order; empty when not an array
     */
    record Delta(String reasoningContent, String reasoning, String content, List<ToolFragment> toolCalls) {
        static final Delta EMPTY = new Delta("", "", "", List.of());
    }

    /**
     * One element of {@code delta.tool_calls}; an element that is not an object carries only its position.
     *
     * @param key the call's {@code index} when it converts to an int, else the element's position in the array
     * @param id {@code id}
     * @param name {@code function.name}
     * @param arguments {@code function.arguments}; an object or array (Gemini-style) as its compact JSON text
     */
    record ToolFragment(int key, String id, String name, String arguments) {}
}
