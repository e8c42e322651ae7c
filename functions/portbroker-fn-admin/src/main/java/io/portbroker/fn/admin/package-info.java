/**
 * The admin function: the admin API ({@code /admin/v1}) behind a buffered API Gateway proxy integration, and the
 * scheduled copy of the audit trail into the WORM bucket. It reuses the shared wiring module ({@code io.portbroker.wiring})
 * (whose beans are created on demand, so the data-plane pipeline is never built here) and adds the archiver.
 */
package io.portbroker.fn.admin;
