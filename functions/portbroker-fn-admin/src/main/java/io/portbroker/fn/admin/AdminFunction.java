package io.portbroker.fn.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.portbroker.core.admin.AdminApi;
import io.portbroker.core.cors.CorsHandler;
import io.portbroker.core.cors.CorsPolicy;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.lambda.ApiGatewayEvents;
import io.portbroker.lambda.BufferedResponder;
import io.portbroker.lambda.ScheduledEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Lambda entry point of the admin function ({@code io.portbroker.fn.admin.AdminFunction::handleRequest}). Two
 * kinds of event arrive: API Gateway proxy events for {@code /admin/*}, answered by the admin API in one buffered
 * response, and the EventBridge schedules' events: the {@code <prefix>-alerts} rule evaluates the alert rules, any
 * other runs the audit archiver. The Micronaut context starts
 * once per container, in the constructor, so its cost falls on the cold start and not on a request.
 */
public final class AdminFunction implements RequestStreamHandler {
    private final ApiHandler admin;
    private final ArchiveSchedule schedule;
    private final AlertSchedule alerts;
    /** Held here: the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;

    private boolean coldStart = true;

    /** Called by the managed runtime, once per container. */
    public AdminFunction() {
        this(ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("function")
                .start());
    }

    /** With a context that is already configured (tests, the local stack's). */
    public AdminFunction(ApplicationContext context) {
        // the same CORS policy as the local server's /admin routes; built here so a bad origin list fails the start
        this.admin = new CorsHandler(context.getBean(CorsPolicy.class), context.getBean(AdminApi.class));
        this.schedule = context.getBean(ArchiveSchedule.class);
        this.alerts = context.getBean(AlertSchedule.class);
        this.priming = new SnapStartPriming(admin);
        if (io.portbroker.lambda.Priming.enabled(System.getenv())) {
            org.crac.Core.getGlobalContext().register(priming);
        }
    }

    /** The SnapStart priming hook this function registered (tests; the checkpoint calls it). */
    SnapStartPriming priming() {
        return priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context lambda) throws IOException {
        byte[] event = input.readAllBytes();
        // the managed runtime's invocations get the same log fields as the streaming loop's
        org.slf4j.MDC.put(
                io.portbroker.lambda.StreamingRuntimeLoop.LAMBDA_REQUEST_ID,
                lambda == null ? "local" : lambda.getAwsRequestId());
        org.slf4j.MDC.put(io.portbroker.lambda.StreamingRuntimeLoop.COLD_START, Boolean.toString(coldStart));
        coldStart = false;
        try {
            handle(event, output);
        } finally {
            org.slf4j.MDC.remove(io.portbroker.lambda.StreamingRuntimeLoop.LAMBDA_REQUEST_ID);
            org.slf4j.MDC.remove(io.portbroker.lambda.StreamingRuntimeLoop.COLD_START);
        }
    }

    private void handle(byte[] event, OutputStream output) throws IOException {
        if (ScheduledEvents.isScheduled(event)) {
            output.write(ScheduledEvents.ruleName(event).endsWith("-alerts") ? alerts.run() : schedule.run());
            return;
        }
        BufferedResponder responder = new BufferedResponder();
        admin.handle(ApiGatewayEvents.toApiRequest(event), responder);
        output.write(responder.toProxyResponse());
    }
}
