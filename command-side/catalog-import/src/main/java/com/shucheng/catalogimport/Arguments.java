package com.shucheng.catalogimport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --name=value} options of one subcommand; unknown names are errors. */
final class Arguments {

    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    Arguments(String[] args, int from, Set<String> known) {
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new Invalid("unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new Invalid("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!known.contains(name)) {
                throw new Invalid("unknown option --" + name);
            }
            values.put(name, value);
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new Invalid("--" + name + " is required");
        }
        return value;
    }

    String optional(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    int integer(String name, int otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("--" + name + " must be a whole number, not '" + value + "'");
        }
    }
}
