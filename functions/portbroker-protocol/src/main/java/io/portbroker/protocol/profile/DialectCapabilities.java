package io.portbroker.protocol.profile;

/**
 * One upstream dialect's part of a {@link CapabilityProfile}: what only that dialect's encoder reads. Deliberately
 * not sealed: a new upstream dialect declares its own record implementing this interface in its own package and
 * reads it with {@link CapabilityProfile#part(Class, DialectCapabilities)}; no existing codec, and not this
 * package, changes for it. Implementations are immutable records.
 */
public interface DialectCapabilities {}
