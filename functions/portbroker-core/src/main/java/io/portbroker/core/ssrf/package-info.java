/**
 * SSRF guard for admin-configured provider base URLs. {@link io.portbroker.core.ssrf.UrlPolicy} checks a URL when
 * it is saved (syntax, scheme, userinfo, literal and resolved addresses) and {@link
 * io.portbroker.core.ssrf.GuardedDnsResolver} checks the addresses again right before each connection, so a DNS
 * answer that changes after the save (rebinding) cannot reach internal addresses.
 *
 * <p>How {@code infra/portbroker-upstream}'s {@code JdkUpstreamTransport} should use it: before {@code
 * client.send}, call {@link io.portbroker.core.ssrf.GuardedDnsResolver#resolve(java.net.URI)}; it resolves the
 * host, checks every address and throws {@link io.portbroker.error.ProviderConnectionError} when any is not
 * permitted. Redirects are never followed by that transport, so the checked host is the only host contacted. The
 * JDK client resolves the name again when it opens a connection; to close that last window, install the vetted
 * addresses as the JVM resolver's answer (a {@code java.net.spi.InetAddressResolverProvider} that consults the
 * guard) or deny private ranges at the network layer (VPC egress rules), as the deployment guide asks.
 */
package io.portbroker.core.ssrf;
