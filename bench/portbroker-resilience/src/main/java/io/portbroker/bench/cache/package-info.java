/** The response cache benchmark: a replay with repeats through the local stack (bench/run-cache.sh). */
package io.portbroker.bench.cache;
