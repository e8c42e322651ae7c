package io.portbroker.core.reload;

/**
 * Port: the fleet-wide config version, one item every container polls (DynamoDB in AWS). Every edit bumps it, so
 * each container sees the change within its poll interval.
 */
public interface ConfigVersion {

    /** The current version; 0 before the first edit. */
    long current();

    /** Adds one atomically and returns the new version. */
    long bump();
}
