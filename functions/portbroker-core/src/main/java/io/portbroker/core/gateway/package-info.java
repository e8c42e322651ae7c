/** The data-plane use cases: Messages (complete and stream), token counting and model listing. */
package io.portbroker.core.gateway;
