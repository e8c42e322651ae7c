/**
 * Test support shared by every module: in-memory implementations of the core ports, builders of test data, a
 * clock tests move by hand, and the one way integration tests find the moto server. Not shipped in any function.
 */
package io.portbroker.testkit;
