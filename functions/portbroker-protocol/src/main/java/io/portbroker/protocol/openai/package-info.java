/** The OpenAI Chat Completions dialect: request encoding, response and stream decoding, error mapping. */
package io.portbroker.protocol.openai;
