/**
 * The gateway function: the HTTP controller used by the local Netty server and the Lambda entry point that runs
 * the same API in the streaming runtime loop. Its beans come from the shared wiring ({@code io.portbroker.wiring}).
 */
package io.portbroker.fn.gateway;
