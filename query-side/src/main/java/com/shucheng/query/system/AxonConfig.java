package com.shucheng.query.system;

import com.shucheng.events.store.EventJson;
import com.shucheng.events.store.EventStoreSchema;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The query side reads the command side's event store (schema "command") and keeps its own
 * tracking tokens in schema "query". Beans are declared here rather than left to Axon's
 * auto-configuration, which on Spring Boot 4 without JPA backs off before the DataSource exists.
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
        return EventStoreSchema.storageEngine(axon, serializer, eventSerializer, connections, transactions);
    }

    /**
     * Events are appended by another process, so nothing here wakes the tracking processors: they
     * learn of new events by polling. Axon's default of one poll a second would be the whole
     * projection lag; a short poll on the primary key index costs next to nothing.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
            @Value("${shucheng.event-store.poll-interval}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollInterval.toMillis())
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return EventStoreSchema.tokenStore("query", connections, serializer);
    }

    @Bean
    Jackson3SerializerCustomizer eventJsonCustomizer() {
        return EventJson.customizer();
    }

    /**
     * A projection that fails must stop and retry, never skip the event: Axon's default handler
     * only logs, which would silently lose a book from a read model.
     */
    @Bean
    ConfigurerModule retryFailedEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
