/**
 * The one in-memory fake of each core port ({@code InMemory<Port>}), plus small test doubles for core's own tests.
 * These live in core's test sources because core's tests cannot depend on the testkit (the testkit depends on core);
 * core publishes them as its {@code tests} test-jar, the testkit depends on that jar (so every module testing with
 * the testkit gets the same classes), and the testkit's contract suites run every fake here
 * ({@code io.portbroker.testkit.In*ContractTest}).
 */
package io.portbroker.core.testing;
