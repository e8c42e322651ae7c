/**
 * Lambda glue. The managed java21 runtime has no streaming handler API, so the gateway runs its own small
 * Runtime API loop in streaming mode (see docs/streaming-on-lambda.md): each invocation's API Gateway proxy
 * event becomes an {@link io.portbroker.core.http.ApiRequest}; the answer is written as the HTTP integration
 * response stream API Gateway (response transfer mode STREAM) expects: a JSON prelude, 8 NUL bytes, the body.
 */
package io.portbroker.lambda;
