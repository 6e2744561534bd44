package com.shucheng.command.system;

import com.shucheng.events.store.EventJson;
import com.shucheng.events.store.EventStoreSchema;
import javax.sql.DataSource;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on PostgreSQL through its JDBC storage engine (docs/architecture.md says why JDBC).
 *
 * <p>Axon's own JDBC and transaction auto-configurations order themselves after Spring Boot 3's
 * class names; on Boot 4 they run before the DataSource exists and back off, which would leave the
 * app without an event store and, worse, with a no-op transaction manager. So the beans are declared
 * here, where the ISBN claim and the event append are guaranteed to share one transaction.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    EventStorageEngine eventStorageEngine(org.axonframework.config.Configuration axon, Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer, ConnectionProvider connections,
            TransactionManager transactions) {
        return new ConsistencyTokens.PositionRecordingStorageEngine(
                EventStoreSchema.storageEngineBuilder(axon, serializer, eventSerializer, connections, transactions));
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return EventStoreSchema.tokenStore(EventStoreSchema.SCHEMA, connections, serializer);
    }

    /**
     * Aggregates loaded by a command stay here while memory allows, so the next command on the same
     * book skips reading and replaying its events (PATCH on a book with 20 events: see
     * docs/benchmarks.md). Safe with a second command-side instance: a cached aggregate that another
     * instance changed meanwhile fails its append on the (aggregate, sequence) key, answers 409
     * CONCURRENT_MODIFICATION, and the rollback evicts it, so the next try reads the store.
     */
    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    Jackson3SerializerCustomizer eventJsonCustomizer() {
        return EventJson.customizer();
    }

    /**
     * Copies the request's metadata from each command onto every event it causes, so the audit
     * trail can say who did what, in which request, under which Idempotency-Key.
     */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.KEYS);
    }
}
