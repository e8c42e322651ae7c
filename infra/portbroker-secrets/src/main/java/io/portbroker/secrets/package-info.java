/** AWS Secrets Manager adapter for server secrets and provider credentials. */
package io.portbroker.secrets;
