/**
 * The one exception hierarchy of PortBroker. Each type knows its category, HTTP status, Anthropic error type
 * and whether a retry may help. Messages never carry prompt text, keys or upstream secrets.
 */
package io.portbroker.error;
