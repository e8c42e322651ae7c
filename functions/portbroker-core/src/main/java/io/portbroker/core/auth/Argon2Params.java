package io.portbroker.core.auth;

/**
 * Cost parameters of an argon2id hash.
 *
 * @param memoryKiB memory in KiB (OWASP: 19 MiB = 19456 with t=2, p=1)
 * @param iterations passes over memory
 * @param parallelism lanes
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {

    /** Largest memory a stored hash may ask for (1 GiB), so a tampered hash cannot exhaust the heap. */
    static final int MAX_MEMORY_KIB = 1 << 20;

    /** Upper bound on iterations for the same reason. */
    static final int MAX_ITERATIONS = 64;

    /**
     * @throws IllegalArgumentException when a value is out of argon2's range or above the safety bounds
     */
    public Argon2Params {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("argon2 parallelism must be 1..16");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2 memory must be 8*p..1048576 KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("argon2 iterations must be 1..64");
        }
    }

    /** OWASP's recommended minimum: 19 MiB, 2 iterations, 1 lane. */
    public static Argon2Params ofDefaults() {
        return new Argon2Params(19 * 1024, 2, 1);
    }
}
