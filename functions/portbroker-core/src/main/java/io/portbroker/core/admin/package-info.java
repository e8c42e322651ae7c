/**
 * The control plane: the admin HTTP API ({@link io.portbroker.core.admin.AdminApi}) over providers, routes, client
 * keys, usage and the audit trail. Every route, its scope, query parameters and body type are declared once in
 * its route table, which both the dispatcher and the OpenAPI document read.
 */
package io.portbroker.core.admin;
