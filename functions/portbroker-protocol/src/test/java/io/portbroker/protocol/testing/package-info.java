/**
 * Test-data factories for the protocol types: Anthropic Messages request bodies ({@link
 * io.portbroker.protocol.testing.Requests}) and IR requests ({@link io.portbroker.protocol.testing.IrRequests}).
 * They live in protocol's test sources so protocol's own tests can use them; protocol publishes them as its {@code
 * tests} test-jar, which core's tests and the testkit depend on, so there is one builder per model.
 */
package io.portbroker.protocol.testing;
