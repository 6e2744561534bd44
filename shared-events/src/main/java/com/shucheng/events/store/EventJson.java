package com.shucheng.events.store;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * How both sides turn events, metadata and tracking tokens into JSON, so that what one side writes
 * the other can read.
 */
public final class EventJson {

    private EventJson() {
    }

    /**
     * Jackson 3's default mapper refuses Axon's polymorphic token content (a {@code ReplayToken}
     * wraps another token), which kills a tracking processor while it claims its token; allow Axon's
     * and the JDK's types. Unknown properties are ignored so an older reader survives a newer
     * writer's added fields.
     */
    public static Jackson3SerializerCustomizer customizer() {
        return builder -> builder
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .allowIfSubType("java.")
                        .build())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
