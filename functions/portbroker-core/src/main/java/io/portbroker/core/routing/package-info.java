/** Providers, model routes and the choice of upstream targets for a request. */
package io.portbroker.core.routing;
