package io.portbroker.core.http;

/**
 * One route of an API: method, path template and the scope a caller needs. The scope is declared here and
 * nowhere else, and the API checks it before calling the handler, so a route cannot forget its check.
 *
 * @param method upper-case HTTP method
 * @param template path with {@code {name}} segments (one segment) or a final {@code {name+}} (the rest)
 * @param scope the scope required, or null for a public route (health)
 * @param summary one line for the OpenAPI document
 * @param handler what serves it
 */
public record Endpoint<H>(String method, String template, String scope, String summary, H handler) {}
