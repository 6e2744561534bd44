package com.shucheng.pinyin.build;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.elasticsearch.plugin.Extensible;
import org.elasticsearch.plugin.NamedComponent;

/**
 * Writes {@code named_components.json}, the index Elasticsearch reads to register a stable plugin's
 * components: {@code {"<extensible interface>": {"<component name>": "<class>"}}}. Elasticsearch's own
 * scanner is a Gradle plugin; without this file it loads the plugin and registers nothing, silently.
 *
 * <p>Build tooling only (run by exec-maven-plugin after compilation), never packaged in the plugin.
 * Classes are loaded without initialization and read through reflection, as {@link NamedComponent} and
 * {@link Extensible} have runtime retention.
 */
public final class NamedComponentsGenerator {

    private NamedComponentsGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: NamedComponentsGenerator <classes dir> <output json>");
        }
        Path classes = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, Map<String, String>> components = scan(classes);
        Files.createDirectories(output.getParent());
        Files.writeString(output, toJson(components), StandardCharsets.UTF_8);
    }

    static Map<String, Map<String, String>> scan(Path classes) throws IOException, ClassNotFoundException {
        Map<String, Map<String, String>> components = new TreeMap<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
                NamedComponentsGenerator.class.getClassLoader())) {
            for (String className : classNames(classes)) {
                Class<?> type = Class.forName(className, false, loader);
                NamedComponent named = type.getAnnotation(NamedComponent.class);
                if (named == null) {
                    continue;
                }
                if (type.isInterface() || Modifier.isAbstract(type.getModifiers())
                        || !Modifier.isPublic(type.getModifiers())) {
                    throw new IllegalStateException(className + " is a @NamedComponent but not a public concrete class");
                }
                String extensible = extensibleOf(type);
                String previous = components.computeIfAbsent(extensible, key -> new TreeMap<>())
                    .putIfAbsent(named.value(), className);
                // Elasticsearch keeps one class per name and drops the others without a word.
                if (previous != null) {
                    throw new IllegalStateException("component name [" + named.value() + "] of " + extensible
                            + " is used by both " + previous + " and " + className);
                }
            }
        }
        if (components.isEmpty()) {
            throw new IllegalStateException("no @NamedComponent class found under " + classes);
        }
        return components;
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                .map(file -> classes.relativize(file).toString())
                .filter(name -> !name.endsWith("module-info.class") && !name.endsWith("package-info.class"))
                .map(name -> name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                .sorted()
                .toList();
        }
    }

    /** The one {@link Extensible} interface among the type's supertypes. */
    private static String extensibleOf(Class<?> type) {
        Set<Class<?>> found = new HashSet<>();
        Set<Class<?>> visited = new HashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> current = pending.pop();
            if (!visited.add(current)) {
                continue;
            }
            if (current.isAnnotationPresent(Extensible.class)) {
                found.add(current);
            }
            pending.addAll(List.of(current.getInterfaces()));
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(type.getName() + " must implement exactly one @Extensible interface but has "
                    + found);
        }
        return found.iterator().next().getName();
    }

    static String toJson(Map<String, Map<String, String>> components) {
        List<String> extensibles = new ArrayList<>();
        components.forEach((extensible, named) -> {
            List<String> entries = new ArrayList<>();
            named.forEach((name, className) -> entries.add("    " + quote(name) + ": " + quote(className)));
            extensibles.add("  " + quote(extensible) + ": {\n" + String.join(",\n", entries) + "\n  }");
        });
        return "{\n" + String.join(",\n", extensibles) + "\n}\n";
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

}
