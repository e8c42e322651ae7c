/**
 * The one exception hierarchy of PortBroker. Each type knows its neutral category, HTTP status
 * and whether a retry may help. Messages never carry prompt text, keys or upstream secrets.
 */
package io.portbroker.error;
