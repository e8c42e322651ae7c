/** Port for calling providers over HTTP. */
package io.portbroker.core.upstream;
