package com.shucheng.command.book;

import com.shucheng.events.book.Author;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A credit list: 1 to {@value #MAX} names, each an {@link Author}, none twice. Null is left to
 * {@code @NotNull}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidAuthors.Validator.class)
@interface ValidAuthors {

    int MAX = 20;

    String message() default "not a valid list of authors";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidAuthors, List<String>> {
        @Override
        public boolean isValid(List<String> value, ConstraintValidatorContext context) {
            String problem = value == null ? null : problem(value);
            return problem == null || Violations.replaceMessage(context, problem);
        }

        private static String problem(List<String> names) {
            if (names.isEmpty()) {
                return "a book needs at least one author";
            }
            if (names.size() > MAX) {
                return "a book may credit at most " + MAX + " authors";
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                String problem = Author.problem(names.get(i));
                if (problem != null) {
                    return "author " + (i + 1) + ": " + problem;
                }
                if (!seen.add(Author.parse(names.get(i)).orElseThrow().name())) {
                    return "author " + (i + 1) + " is listed twice";
                }
            }
            return null;
        }
    }
}
