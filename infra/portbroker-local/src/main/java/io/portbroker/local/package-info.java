/** The local stack: the same gateway as on Lambda, on one Netty server, backed by the moto emulator. */
package io.portbroker.local;
