/**
 * The wiring: Micronaut factories that build the plain-Java core from typed settings and the adapters in
 * {@code infra/}. The only package that knows every implementation; the gateway function, the admin function and
 * the local stack all start their contexts over it. Beans are created on demand, so the admin function never
 * builds the data-plane pipeline.
 */
package io.portbroker.wiring;
