package com.shucheng.query.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the processing group(s) whose read model a controller (or one handler method) answers from.
 * A request carrying a {@code Consistency-Token} waits, bounded, until each named group has processed
 * the write the token stands for, so the caller reads its own writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsFrom {

    /** Processing group names, as in {@code @ProcessingGroup}. */
    String[] value();
}
