/**
 * A scenario language for resilience tests: real fake upstreams, the real data plane and JDK transport, a test
 * clock for breakers, budget and backoff.
 */
package io.portbroker.testkit.scenario;
