package io.portbroker.fn.gateway;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portbroker.core.logging.Redactor;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * One JSON object per log line (timestamp, level, logger, message, MDC such as request_id, exception), every
 * text field passed through {@link Redactor} first: the single choke point for secrets in logs.
 */
public class RedactingJsonLayout extends LayoutBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField(
                    "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("message", Redactor.redact(event.getFormattedMessage()));
            for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
                g.writeStringField(e.getKey(), Redactor.redact(e.getValue()));
            }
            IThrowableProxy t = event.getThrowableProxy();
            if (t != null) {
                g.writeStringField("exception", Redactor.redact(render(t)));
            }
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"level\":\"ERROR\",\"message\":\"log line could not be encoded\"}\n";
        }
        return out.append('\n').toString();
    }

    private static String render(IThrowableProxy t) {
        StringBuilder sb = new StringBuilder();
        for (IThrowableProxy cur = t; cur != null; cur = cur.getCause()) {
            sb.append(cur.getClassName()).append(": ").append(cur.getMessage()).append('\n');
            StackTraceElementProxy[] frames = cur.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, 30); i++) {
                sb.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
            }
        }
        return sb.toString();
    }
}
