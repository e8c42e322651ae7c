/**
 * The Anthropic Messages API as an upstream dialect ({@code POST /messages} to Anthropic or any service speaking
 * its API): request encoder, response and SSE decoders, error mapping, {@code x-api-key} auth. A new package; the
 * existing codecs do not import it.
 */
package io.portbroker.protocol.upstream.anthropic;
