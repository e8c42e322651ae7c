package io.portbroker.core.cache;

/** Where an admin's policy update goes: this process only, or every container ({@link CachePolicySync}). */
@FunctionalInterface
public interface CachePolicyPublisher {

    /**
     * Puts {@code next}'s policy in force.
     *
     * @throws IllegalArgumentException when it is refused (the policy in force is kept)
     */
    void publish(CacheSettings next);
}
