/**
 * The gateway function: Micronaut wiring of the plain-Java core, the HTTP controller used by the local Netty
 * server, and the Lambda entry point that runs the same API in the streaming runtime loop.
 */
package io.portbroker.fn.gateway;
