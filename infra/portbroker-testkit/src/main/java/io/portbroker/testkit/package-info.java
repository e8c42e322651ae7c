/**
 * Test support shared by every module: in-memory implementations of the ports that only the testkit fakes (the
 * others come from core's {@code io.portbroker.core.testing}, published as core's test-jar, which this module
 * re-exports), builders of test data, a clock tests move by hand, and the one way integration tests find the moto
 * server. Not shipped in any function.
 */
package io.portbroker.testkit;
