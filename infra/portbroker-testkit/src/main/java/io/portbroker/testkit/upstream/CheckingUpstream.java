package io.portbroker.testkit.upstream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake upstream that checks what it receives the way the real API would: it records every request (valid or not),
 * the problems it refused, and answers valid requests with a replaceable script.
 *
 * @param <R> what one recorded request holds
 * @param <S> what the script is given to choose its reply
 */
public abstract class CheckingUpstream<R, S> extends FakeHttpUpstream {
    private final List<R> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile Function<S, Reply> script;

    protected CheckingUpstream(Function<S, Reply> script) {
        this.script = script;
    }

    /** Replaces the script answering valid requests. */
    public void script(Function<S, Reply> newScript) {
        this.script = newScript;
    }

    /** Every request received, valid or not. */
    public List<R> requests() {
        return List.copyOf(requests);
    }

    /** What the fake refused, one line per problem; empty when every request was well-formed. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Records one received request. */
    protected final void record(R request) {
        requests.add(request);
    }

    /** Records the problems of a refused request. */
    protected final void refuse(List<String> problems) {
        violations.addAll(problems);
    }

    /** The script's reply to a valid request. */
    protected final Reply answer(S input) {
        return script.apply(input);
    }
}
