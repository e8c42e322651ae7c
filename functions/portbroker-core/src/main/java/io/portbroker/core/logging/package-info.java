/** The one redaction choke point every log line passes through. */
package io.portbroker.core.logging;
