/**
 * The OpenAI Chat Completions API as a client dialect ({@code POST /v1/chat/completions}): request decoder, answer
 * and chunk encoders, error envelope. A new package that depends on the IR and codec contracts only; the
 * existing codecs do not import it.
 */
package io.portbroker.protocol.ingress.openai;
