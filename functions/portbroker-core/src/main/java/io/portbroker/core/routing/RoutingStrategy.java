package io.portbroker.core.routing;

import java.util.List;

/** Orders a route's candidates for one request; the orchestrator tries them in that order. */
@FunctionalInterface
public interface RoutingStrategy {

    /**
     * Returns the candidates in the order to try them (a new list; the input is not changed).
     *
     * @param candidates the route's enabled candidates, in priority order
     */
    List<Candidate> order(List<Candidate> candidates, RequestNeeds needs);
}
