/**
 * Overload protection: a bound on the requests being worked on at once, so excess load is refused at once with
 * 529 (and retry-after) instead of queueing until every request is slow or times out.
 */
package io.portbroker.core.overload;
