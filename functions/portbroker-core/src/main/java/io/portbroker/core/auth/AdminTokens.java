package io.portbroker.core.auth;

/**
 * What a login or refresh hands back.
 *
 * @param username the admin
 * @param access the short-lived bearer token
 * @param refresh the rotating refresh token (for an HttpOnly cookie)
 */
public record AdminTokens(String username, AccessToken access, IssuedRefreshToken refresh) {}
