package com.shucheng.events.store;

import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;

/**
 * The layout of the event store in PostgreSQL, shared because the command side appends to it and
 * the query side tails it. The tables are created by the command side's Flyway migrations in the
 * {@value #SCHEMA} schema; each side keeps its tracking tokens in a {@code token_entry} table of its
 * own schema.
 */
public final class EventStoreSchema {

    /** The PostgreSQL schema that owns the event store. */
    public static final String SCHEMA = "command";

    private EventStoreSchema() {
    }

    /** Axon's JDBC view of the tables: snake_case columns, schema-qualified table names. */
    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(SCHEMA + ".domain_event_entry")
                .snapshotTable(SCHEMA + ".snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The JDBC storage engine over {@link #eventSchema()}. Declared by each app rather than left to
     * Axon's auto-configuration, which on Spring Boot 4 without JPA is evaluated before the
     * DataSource exists and silently backs off.
     */
    public static JdbcEventStorageEngine storageEngine(Configuration axon, Serializer snapshotSerializer,
            Serializer eventSerializer, ConnectionProvider connections, TransactionManager transactions) {
        return storageEngineBuilder(axon, snapshotSerializer, eventSerializer, connections, transactions).build();
    }

    /** The configured builder behind {@link #storageEngine}, for an app that extends the engine. */
    public static JdbcEventStorageEngine.Builder storageEngineBuilder(Configuration axon, Serializer snapshotSerializer,
            Serializer eventSerializer, ConnectionProvider connections, TransactionManager transactions) {
        PersistenceExceptionResolver duplicateKeys = new JdbcSQLErrorCodesResolver();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(duplicateKeys)
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(eventSchema());
    }

    /** Tracking tokens in {@code <schema>.token_entry}, claims released after 10 s of silence. */
    public static TokenStore tokenStore(String schema, ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(TokenSchema.builder()
                        .setTokenTable(schema + ".token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("time_stamp")
                        .setOwnerColumn("owner")
                        .build())
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }
}
