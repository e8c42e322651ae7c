/**
 * Serves the built admin portal ({@code portal/dist}) at {@code /portal/} on the local server, the same origin as
 * {@code /admin/v1}: hashed assets cached for a year as immutable, {@code index.html} revalidated by ETag, every
 * unknown page path answered with {@code index.html} so the router's history mode works on reload. In AWS
 * CloudFront serves the same files from the portal bucket with the same policy.
 */
package io.portbroker.local.portal;
