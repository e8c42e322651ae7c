/**
 * Contract suites for the core ports. Each implementation's test extends the suite and supplies a fresh, empty
 * store, so the in-memory fakes and the real adapters are held to exactly the same behaviour.
 */
package io.portbroker.testkit.contract;
