package io.portbroker.protocol.profile;

import java.util.Set;

/**
 * What any upstream dialect needs to know about a target, whatever its wire format.
 *
 * @param maxOutputTokens the largest output the model allows; requests are clamped to it
 * @param samplingParams which of {@code temperature}, {@code top_p}, {@code top_k} the target accepts
 * @param vision whether images are accepted
 * @param pdf whether PDF documents are accepted
 * @param maxStopSequences how many stop strings the target accepts
 */
public record CommonCapabilities(
        int maxOutputTokens, Set<String> samplingParams, boolean vision, boolean pdf, int maxStopSequences) {
    public CommonCapabilities {
        samplingParams = Set.copyOf(samplingParams);
    }

    /** The defaults: a typical GPT-4-class model (16384 output tokens, temperature and top_p, images, 4 stops). */
    public static CommonCapabilities defaults() {
        return new CommonCapabilities(16_384, Set.of("temperature", "top_p"), true, false, 4);
    }

    /** This part with another output cap. */
    public CommonCapabilities withMaxOutputTokens(int cap) {
        return new CommonCapabilities(cap, samplingParams, vision, pdf, maxStopSequences);
    }
}
