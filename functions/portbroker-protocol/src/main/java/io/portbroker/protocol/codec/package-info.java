/**
 * Dialect codecs registered by name. A client dialect (Anthropic Messages) turns wire bytes into IR and IR back
 * into wire bytes; an upstream dialect (OpenAI Chat Completions) does the reverse. A new provider dialect is a
 * new {@link io.portbroker.protocol.codec.UpstreamDialect} plus a capability profile; nothing else changes.
 */
package io.portbroker.protocol.codec;
