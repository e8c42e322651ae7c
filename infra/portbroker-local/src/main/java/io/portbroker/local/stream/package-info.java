/**
 * Streamed responses written straight to the local server's Netty channel: frames leave on the connection's event
 * loop as soon as they are written, without a reactive publisher in between.
 */
package io.portbroker.local.stream;
