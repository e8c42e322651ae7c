/**
 * Single-process implementations of the auth store ports: for core's own tests, the testkit contract suites and a
 * one-node local run. They live in core, not testkit, because core's tests need them and core cannot depend on
 * testkit (testkit depends on core). Not for several replicas: each process would count and rotate on its own.
 */
package io.portbroker.core.auth.memory;
