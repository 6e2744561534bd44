package com.shucheng.query.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes. A write on the command side answers with a {@code Consistency-Token}: the
 * global position of the last event it appended. A read that sends the token back is held here
 * until every processing group its handler {@link ReadsFrom reads from} has committed that event,
 * at most {@code shucheng.consistency.max-wait}; after that it gets 503 READ_MODEL_BEHIND rather
 * than a silently stale answer.
 *
 * <p>"Processed" means the processor's position is at or past the event and the event is not one
 * of its gaps. It deliberately ignores other gaps below the position: a rejected write leaves a
 * gap in the global index that lives until the gap timeout, and no read should wait on that.
 */
@Component
class ConsistencyGate implements HandlerInterceptor, WebMvcConfigurer {

    static final String HEADER = "Consistency-Token";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Configuration axon;
    private final JdbcClient db;
    private final Duration maxWait;

    ConsistencyGate(Configuration axon, JdbcClient db, @Value("${shucheng.consistency.max-wait}") Duration maxWait) {
        this.axon = axon;
        this.db = db;
        this.maxWait = maxWait;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = request.getHeader(HEADER);
        if (token == null || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsFrom readsFrom = method.getMethodAnnotation(ReadsFrom.class);
        if (readsFrom == null) {
            readsFrom = method.getBeanType().getAnnotation(ReadsFrom.class);
        }
        if (readsFrom == null) {
            return true;
        }
        long position = parse(token);
        long deadline = System.nanoTime() + maxWait.toNanos();
        for (String group : readsFrom.value()) {
            while (!processed(group, position)) {
                if (System.nanoTime() - deadline >= 0) {
                    throw behind(group, position);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        return true;
    }

    private static long parse(String token) {
        String value = token.strip();
        if (!value.matches("[0-9]{1,18}")) {
            throw new BadQuery("INVALID_CONSISTENCY_TOKEN", HEADER,
                    "a Consistency-Token is the value a write answered with, a whole number");
        }
        return Long.parseLong(value);
    }

    private boolean processed(String group, long position) {
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessorByProcessingGroup(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor for group " + group));
        var segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            if (!covers(segment.getTrackingToken(), position)) {
                return false;
            }
        }
        return true;
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    /** A token beyond the end of the event store came from elsewhere: that is the caller's mistake. */
    private RuntimeException behind(String group, long position) {
        Long head = db.sql("select max(global_index) from command.domain_event_entry").query(Long.class).single();
        if (head == null || position > head) {
            return new BadQuery("INVALID_CONSISTENCY_TOKEN", HEADER,
                    "this Consistency-Token refers to a write this system has not seen");
        }
        return new ReadModelBehind("the " + group + " read model has not caught up with your write within "
                + maxWait.toMillis() + " ms; retry shortly");
    }
}
