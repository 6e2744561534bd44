package com.shucheng.command.book;

import jakarta.validation.ConstraintValidatorContext;

final class Violations {

    private Violations() {
    }

    /**
     * Reports {@code message} instead of the constraint's default. The text is one of our own
     * fixed sentences, never user input, so it is safe as a message template.
     */
    static boolean replaceMessage(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message.replace("{", "(").replace("}", ")").replace("$", ""))
                .addConstraintViolation();
        return false;
    }
}
