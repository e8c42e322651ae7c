package io.portbroker.core.auth;

/**
 * The first admin's generated password, shown once to the operator and never stored or logged.
 *
 * @param username the admin created
 * @param password the generated password
 */
public record BootstrapCredentials(String username, String password) {

    @Override
    public String toString() {
        return "BootstrapCredentials[" + username + ", password=***]";
    }
}
