package io.portbroker.dynamodb;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Keeps every request the client sends, so tests can pin the exact operation and expression. */
final class RecordingInterceptor implements ExecutionInterceptor {

    private final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        requests.add(context.request());
    }

    List<SdkRequest> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }
}
