package io.portbroker.dynamodb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * PortBroker's tables as declared in the one schema file {@value #RESOURCE}, which Terraform and SAM read too.
 * The physical name of a table is {@code <prefix>-<name>}.
 *
 * @param tables the tables in file order
 */
@JsonIgnoreProperties({"_comment"})
public record TableSchemaDefinition(@JsonProperty("tables") List<Table> tables) {

    public static final String RESOURCE = "/io/portbroker/dynamodb/tables.json";
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public TableSchemaDefinition {
        tables = List.copyOf(tables);
    }

    /**
     * The bundled schema file.
     *
     * @throws UncheckedIOException when it is missing or malformed (a build defect)
     */
    public static TableSchemaDefinition load() {
        try (InputStream in = TableSchemaDefinition.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing " + RESOURCE));
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A schema in the same format as the bundled file (tests provision variants, e.g. with a TTL attribute).
     *
     * @throws IOException when the text is not a valid schema
     */
    public static TableSchemaDefinition parse(InputStream json) throws IOException {
        return MAPPER.readValue(json, TableSchemaDefinition.class);
    }

    /**
     * The table with the given logical name.
     *
     * @throws IllegalArgumentException when there is none
     */
    public Table table(String name) {
        return tables.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table named " + name));
    }

    /**
     * One table.
     *
     * @param name logical name, e.g. {@code api-keys}
     * @param purpose what it holds
     * @param partitionKey the partition key
     * @param sortKey the sort key, or null
     * @param ttlAttribute the epoch-seconds attribute DynamoDB expires items by, or null
     * @param globalSecondaryIndexes the GSIs
     */
    public record Table(
            @JsonProperty("name") String name,
            @JsonProperty("purpose") String purpose,
            @JsonProperty("partitionKey") KeyAttribute partitionKey,
            @JsonProperty("sortKey") KeyAttribute sortKey,
            @JsonProperty("ttlAttribute") String ttlAttribute,
            @JsonProperty("globalSecondaryIndexes") List<Index> globalSecondaryIndexes) {

        public Table {
            globalSecondaryIndexes = globalSecondaryIndexes == null ? List.of() : List.copyOf(globalSecondaryIndexes);
        }

        /** {@code <prefix>-<name>}. */
        public String physicalName(String prefix) {
            return prefix + "-" + name;
        }

        /** Every key attribute of the table and its indexes, once each (CreateTable rejects duplicates). */
        public List<AttributeDefinition> attributeDefinitions() {
            Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
            List<KeyAttribute> keys = new ArrayList<>();
            keys.add(partitionKey);
            keys.add(sortKey);
            for (Index index : globalSecondaryIndexes) {
                keys.add(index.partitionKey());
                keys.add(index.sortKey());
            }
            for (KeyAttribute key : keys) {
                if (key != null) {
                    byName.putIfAbsent(key.name(), key.definition());
                }
            }
            return List.copyOf(byName.values());
        }

        public List<KeySchemaElement> keySchema() {
            return KeyAttribute.keySchema(partitionKey, sortKey);
        }

        public List<GlobalSecondaryIndex> sdkGlobalSecondaryIndexes() {
            return globalSecondaryIndexes.stream().map(Index::toSdk).toList();
        }
    }

    /**
     * A key attribute.
     *
     * @param name attribute name
     * @param type DynamoDB scalar type: {@code S}, {@code N} or {@code B}
     */
    public record KeyAttribute(
            @JsonProperty("name") String name,
            @JsonProperty("type") String type) {

        AttributeDefinition definition() {
            return AttributeDefinition.builder()
                    .attributeName(name)
                    .attributeType(type)
                    .build();
        }

        static List<KeySchemaElement> keySchema(KeyAttribute partition, KeyAttribute sort) {
            List<KeySchemaElement> schema = new ArrayList<>();
            schema.add(KeySchemaElement.builder()
                    .attributeName(partition.name())
                    .keyType(KeyType.HASH)
                    .build());
            if (sort != null) {
                schema.add(KeySchemaElement.builder()
                        .attributeName(sort.name())
                        .keyType(KeyType.RANGE)
                        .build());
            }
            return schema;
        }
    }

    /**
     * A global secondary index.
     *
     * @param name index name (not prefixed: it is scoped to its table)
     * @param partitionKey its partition key
     * @param sortKey its sort key, or null
     * @param projection {@code ALL} or {@code KEYS_ONLY}
     */
    public record Index(
            @JsonProperty("name") String name,
            @JsonProperty("partitionKey") KeyAttribute partitionKey,
            @JsonProperty("sortKey") KeyAttribute sortKey,
            @JsonProperty("projection") String projection) {

        GlobalSecondaryIndex toSdk() {
            return GlobalSecondaryIndex.builder()
                    .indexName(name)
                    .keySchema(KeyAttribute.keySchema(partitionKey, sortKey))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.fromValue(projection))
                            .build())
                    .build();
        }
    }
}
