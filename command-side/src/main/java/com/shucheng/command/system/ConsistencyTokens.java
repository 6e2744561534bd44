package com.shucheng.command.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Read-your-writes: a successful write answers with a {@code Consistency-Token} header holding the
 * global position of the last event it appended. The query side waits until the read model a
 * request reads from has processed that position (see API.md).
 *
 * <p>The position is exact, not "the newest event in the store": rejected writes leave gaps in the
 * global index, and a read must never wait on somebody else's gap. It is read with {@code currval}
 * on the very connection and transaction that appended the events, right after the append.
 */
@ControllerAdvice
public class ConsistencyTokens implements ResponseBodyAdvice<Object> {

    public static final String HEADER = "Consistency-Token";
    private static final String ATTRIBUTE = ConsistencyTokens.class.getName() + ".position";

    /** Axon's JDBC engine, plus: remember the global position of what this request appended. */
    static final class PositionRecordingStorageEngine extends JdbcEventStorageEngine {

        private static final String LAST_POSITION =
                "select currval(pg_get_serial_sequence('command.domain_event_entry', 'global_index'))";

        PositionRecordingStorageEngine(Builder builder) {
            super(builder);
        }

        @Override
        protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
            super.appendEvents(events, serializer);
            if (events.isEmpty()) {
                return;
            }
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request == null) {
                return;
            }
            try (Connection connection = getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(LAST_POSITION)) {
                result.next();
                request.setAttribute(ATTRIBUTE, result.getLong(1), RequestAttributes.SCOPE_REQUEST);
            } catch (SQLException e) {
                throw new JdbcException("could not read the position of the events just appended", e);
            }
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    /** Only a successful write gets a token; a failed one rolled back and appended nothing. */
    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (response instanceof ServletServerHttpResponse servlet && servlet.getServletResponse().getStatus() < 300) {
            RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
            Object position = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (position != null) {
                response.getHeaders().set(HEADER, position.toString());
            }
        }
        return body;
    }
}
