/**
 * Capability profiles: what a provider accepts, as a common part every upstream dialect reads plus one part per
 * upstream dialect ({@link io.portbroker.protocol.profile.DialectCapabilities}) that only its encoder reads.
 */
package io.portbroker.protocol.profile;
