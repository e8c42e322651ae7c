/** Server-side pagination shared by every store and admin listing: pages with opaque cursors. */
package io.portbroker.core.page;
