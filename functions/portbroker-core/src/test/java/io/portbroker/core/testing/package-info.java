/**
 * Small in-memory ports and test doubles for core's own tests. The testkit's fakes depend on core, so core cannot
 * use them; the full port contracts are proved on the testkit fakes and the DynamoDB adapters.
 */
package io.portbroker.core.testing;
