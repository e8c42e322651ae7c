/** The Anthropic Messages dialect PortBroker serves: request decoding, response/SSE encoding, errors. */
package io.portbroker.protocol.anthropic;
