package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.keys.KeyLimits;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item layout of the api-keys table. No attribute holds the secret: only its keyed hash ({@code key_hash}, the
 * partition key) and metadata. Instants are ISO-8601 UTC strings ({@code 2026-01-02T03:04:05.123Z}): they keep
 * full precision, sort as text and read well in the console; the table has no TTL, so epoch numbers buy nothing.
 * Scopes are a string set, left out when empty (DynamoDB has no empty sets).
 */
final class ApiKeyItems {

    static final String KEY_HASH = "key_hash";
    static final String KEY_ID = "key_id";
    static final String PREFIX = "prefix";
    static final String NAME = "name";
    static final String SCOPES = "scopes";
    static final String STATUS = "status";
    static final String CREATED_AT = "created_at";
    static final String EXPIRES_AT = "expires_at";
    static final String RPM = "requests_per_minute";
    static final String TPM = "tokens_per_minute";
    static final String RETIRED_AT = "retired_at";
    /** Partition key of the sparse by-name index: set on current records only (secrets rotating out stay out). */
    static final String NAME_INDEX = "name_index";
    /** Sort key of the by-name index: the lower-case name, {@code #}, the key id (unique, ordered by name). */
    static final String NAME_SORT = "name_sort";
    /** The one by-name partition: 100,000 keys of ~0.5 KB are ~50 MB, far below what one partition serves. */
    static final String NAME_PARTITION = "key";

    private ApiKeyItems() {}

    static Map<String, AttributeValue> key(String keyHash) {
        return Map.of(KEY_HASH, s(keyHash));
    }

    static Map<String, AttributeValue> toItem(ApiKeyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY_HASH, s(record.keyHash()));
        item.put(KEY_ID, s(record.keyId()));
        item.put(PREFIX, s(record.prefix()));
        item.put(NAME, s(record.name()));
        if (!record.scopes().isEmpty()) {
            item.put(
                    SCOPES,
                    AttributeValue.fromSs(record.scopes().stream().sorted().toList()));
        }
        item.put(STATUS, s(record.status().name()));
        item.put(CREATED_AT, s(record.createdAt().toString()));
        if (record.expiresAt() != null) {
            item.put(EXPIRES_AT, s(record.expiresAt().toString()));
        }
        if (record.limits().requestsPerMinute() != null) {
            item.put(RPM, Attributes.n(record.limits().requestsPerMinute()));
        }
        if (record.limits().tokensPerMinute() != null) {
            item.put(TPM, Attributes.n(record.limits().tokensPerMinute()));
        }
        if (record.retiredAt() != null) {
            item.put(RETIRED_AT, s(record.retiredAt().toString()));
        }
        if (record.current()) {
            item.put(NAME_INDEX, s(NAME_PARTITION));
            item.put(NAME_SORT, s(nameSort(record)));
        }
        return item;
    }

    static String nameSort(ApiKeyRecord record) {
        return record.name().toLowerCase(java.util.Locale.ROOT) + "#" + record.keyId();
    }

    static ApiKeyRecord fromItem(Map<String, AttributeValue> item) {
        AttributeValue scopes = item.get(SCOPES);
        return new ApiKeyRecord(
                string(item, KEY_HASH, null),
                string(item, KEY_ID, null),
                string(item, PREFIX, null),
                string(item, NAME, null),
                scopes == null || !scopes.hasSs() ? Set.of() : Set.copyOf(scopes.ss()),
                string(item, STATUS, KeyStatus::valueOf, KeyStatus.REVOKED),
                string(item, CREATED_AT, Instant::parse, null),
                string(item, EXPIRES_AT, Instant::parse, null),
                new KeyLimits(optionalNumber(item, RPM), optionalNumber(item, TPM)),
                string(item, RETIRED_AT, Instant::parse, null));
    }

    private static Long optionalNumber(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Attributes.number(item, name, 0) : null;
    }
}
