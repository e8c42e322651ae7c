/**
 * The one in-memory fake of each core port ({@code InMemory<Port>}), the test-data factories of core's models
 * ({@link io.portbroker.core.testing.Providers}, {@link io.portbroker.core.testing.Routes}, {@link
 * io.portbroker.core.testing.Targets}, {@link io.portbroker.core.testing.Keys}; the testkit's classes of the same
 * names hand these out), plus small test doubles for core's own tests.
 * These live in core's test sources because core's tests cannot depend on the testkit (the testkit depends on core);
 * core publishes them as its {@code tests} test-jar, the testkit depends on that jar (so every module testing with
 * the testkit gets the same classes), and the testkit's contract suites run every fake here
 * ({@code io.portbroker.testkit.In*ContractTest}).
 */
package io.portbroker.core.testing;
