/** A real HTTP server that speaks the OpenAI Chat Completions API and fails on command. */
package io.portbroker.testkit.upstream;
