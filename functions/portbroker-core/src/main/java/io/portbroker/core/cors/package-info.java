/**
 * CORS for the admin UI: an explicit origin allow-list (never a wildcard with credentials), preflight answers and
 * response headers as pure logic over method and headers, reloaded periodically from a supplier.
 */
package io.portbroker.core.cors;
