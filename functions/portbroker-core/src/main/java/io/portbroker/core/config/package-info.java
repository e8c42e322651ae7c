/**
 * The {@code portbroker.yaml} file: parsing it into validated providers and routes, and seeding a {@link
 * io.portbroker.core.routing.ConfigStore} from it. The file names environment variables for provider keys and
 * never holds a key itself.
 */
package io.portbroker.core.config;
