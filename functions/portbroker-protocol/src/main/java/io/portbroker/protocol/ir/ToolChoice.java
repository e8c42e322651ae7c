package io.portbroker.protocol.ir;

/** How the model must use tools. {@code disableParallel} maps to {@code parallel_tool_calls:false}. */
public sealed interface ToolChoice {

    boolean disableParallel();

    record Auto(boolean disableParallel) implements ToolChoice {}

    record Any(boolean disableParallel) implements ToolChoice {}

    record Named(String name, boolean disableParallel) implements ToolChoice {}

    record None(boolean disableParallel) implements ToolChoice {}
}
