/** Adapters that reach providers: the HTTP transport and credential resolution. */
package io.portbroker.upstream;
