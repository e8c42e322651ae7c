/**
 * Transport-neutral HTTP: the request and responder types that the local Netty server and the Lambda streaming
 * runtime both adapt to, and the API that routes paths to use cases. Shells only map bytes in and out.
 */
package io.portbroker.core.http;
