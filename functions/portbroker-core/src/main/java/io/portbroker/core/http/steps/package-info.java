/**
 * The data plane's request pipeline as small ordered steps (request id, auth, size, decode by the route's client
 * dialect, admission, the {@code Messages} port, encode and respond). Each step is one class with its own tests;
 * {@link io.portbroker.core.http.GatewayApi} only matches the route and runs its chain.
 */
package io.portbroker.core.http.steps;
