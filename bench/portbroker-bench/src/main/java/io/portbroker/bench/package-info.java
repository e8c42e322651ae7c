/** JMH benchmarks of PortBroker's hot paths; run them with {@code bench/run-jmh.sh}. */
package io.portbroker.bench;
