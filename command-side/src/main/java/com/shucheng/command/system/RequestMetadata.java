package com.shucheng.command.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;

/**
 * The metadata every command carries from the HTTP request into the events it appends.
 */
public final class RequestMetadata {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    static final String[] KEYS = {ACTOR, ACTOR_ROLE, CORRELATION_ID, IDEMPOTENCY_KEY};

    /** Until members can log in, every caller is the anonymous actor. */
    static final String ANONYMOUS = "anonymous";

    private RequestMetadata() {
    }

    public static MetaData of(HttpServletRequest request) {
        Map<String, String> values = new HashMap<>();
        values.put(ACTOR, request.getUserPrincipal() == null ? ANONYMOUS : request.getUserPrincipal().getName());
        values.put(ACTOR_ROLE, request.getUserPrincipal() == null ? "NONE" : "USER");
        values.put(CORRELATION_ID, CorrelationFilter.correlationIdOf(request));
        String idempotencyKey = request.getHeader("Idempotency-Key");
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            values.put(IDEMPOTENCY_KEY, idempotencyKey.strip());
        }
        return MetaData.from(values);
    }
}
