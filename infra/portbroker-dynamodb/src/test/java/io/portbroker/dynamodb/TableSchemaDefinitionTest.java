package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class TableSchemaDefinitionTest {

    @Test
    void load_shouldReadEveryTable_whenUsingTheBundledFile() {
        // when
        TableSchemaDefinition schema = TableSchemaDefinition.load();

        // then
        assertThat(schema.tables())
                .extracting(TableSchemaDefinition.Table::name)
                .containsExactly(
                        "api-keys",
                        "providers",
                        "routes",
                        "admin-users",
                        "refresh-tokens",
                        "login-attempts",
                        "rate-limits",
                        "usage",
                        "audit",
                        "breaker-state",
                        "response-cache",
                        "costs");
        TableSchemaDefinition.Table keys = schema.table("api-keys");
        assertThat(keys.physicalName("pb-dev")).isEqualTo("pb-dev-api-keys");
        assertThat(keys.attributeDefinitions())
                .containsExactly(
                        AttributeDefinition.builder()
                                .attributeName("key_hash")
                                .attributeType("S")
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("key_id")
                                .attributeType("S")
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("name_index")
                                .attributeType("S")
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("name_sort")
                                .attributeType("S")
                                .build());
        assertThat(keys.keySchema())
                .containsExactly(KeySchemaElement.builder()
                        .attributeName("key_hash")
                        .keyType(KeyType.HASH)
                        .build());
        assertThat(keys.sdkGlobalSecondaryIndexes())
                .extracting(gsi -> gsi.indexName())
                .containsExactly("by-key-id", "by-name");
        assertThat(keys.sdkGlobalSecondaryIndexes())
                .allSatisfy(gsi -> assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL));
        // the name search: a range key, so begins_with on the lower-case name reads only matching items
        assertThat(keys.sdkGlobalSecondaryIndexes().get(1).keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("name_index:HASH", "name_sort:RANGE");
        assertThat(schema.table("routes").ttlAttribute()).isNull();
        assertThat(schema.table("response-cache").ttlAttribute()).isEqualTo("expires_at");
        assertThat(schema.table("breaker-state").ttlAttribute()).isEqualTo("expires_at");
    }

    @Test
    void parse_shouldDefineSharedAttributesOnce_whenAnIndexReusesATableKey() throws IOException {
        // given: a GSI keyed on the table's sort key; CreateTable rejects a repeated attribute definition
        String json = """
                {"tables": [{"name": "usage", "purpose": "p",
                  "partitionKey": {"name": "key_id", "type": "S"}, "sortKey": {"name": "day", "type": "N"},
                  "ttlAttribute": "expires_at",
                  "globalSecondaryIndexes": [{"name": "by-day", "partitionKey": {"name": "day", "type": "N"},
                    "sortKey": {"name": "key_id", "type": "S"}, "projection": "KEYS_ONLY"}]}]}
                """;

        // when
        TableSchemaDefinition.Table table = parse(json).table("usage");

        // then
        assertThat(table.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName)
                .containsExactly("key_id", "day");
        assertThat(table.keySchema())
                .extracting(KeySchemaElement::keyType)
                .containsExactly(KeyType.HASH, KeyType.RANGE);
        assertThat(table.sdkGlobalSecondaryIndexes().getFirst().keySchema()).hasSize(2);
        assertThat(table.ttlAttribute()).isEqualTo("expires_at");
    }

    @Test
    void parse_shouldRejectUnknownFields_whenTheFormatDrifts() {
        assertThatThrownBy(() -> parse("{\"tables\": [{\"name\": \"x\", \"partitionKeys\": []}]}"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void table_shouldThrow_whenNameIsUnknown() {
        assertThatThrownBy(() -> TableSchemaDefinition.load().table("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no table named nope");
    }

    static TableSchemaDefinition parse(String json) throws IOException {
        return TableSchemaDefinition.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
