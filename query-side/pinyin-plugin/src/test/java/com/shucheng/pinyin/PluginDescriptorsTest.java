package com.shucheng.pinyin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.lucene.util.Version;
import org.elasticsearch.plugin.Extensible;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The descriptor files the build generates into target/plugin-descriptor before the tests run. */
class PluginDescriptorsTest {

    private static final Path DESCRIPTORS = Path.of("target", "plugin-descriptor");
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void named_components_lists_every_component_under_its_extensible_interface() throws Exception {
        Map<String, Map<String, String>> listed = JsonMapper.shared()
            .readValue(DESCRIPTORS.resolve("named_components.json").toFile(), new TypeReference<>() {
            });

        assertThat(listed).isEqualTo(Map.of(
                "org.elasticsearch.plugin.analysis.TokenizerFactory",
                Map.of("shucheng_pinyin", PinyinTokenizerFactory.class.getName()),
                "org.elasticsearch.plugin.analysis.TokenFilterFactory",
                Map.of("shucheng_edge_ngram", EdgeNGramFilterFactory.class.getName(), "shucheng_remove_duplicates",
                        RemoveDuplicatesFilterFactory.class.getName())));
        for (Class<?> component : namedComponentClasses()) {
            String name = component.getAnnotation(NamedComponent.class).value();
            assertThat(listed).anySatisfy((extensible, named) -> {
                assertThat(named).containsEntry(name, component.getName());
                Class<?> extensibleType = load(extensible);
                assertThat(extensibleType.isAnnotationPresent(Extensible.class)).isTrue();
                assertThat(extensibleType).isAssignableFrom(component);
            });
        }
    }

    @Test
    void stable_plugin_descriptor_names_the_elasticsearch_and_java_versions_built_against() throws Exception {
        Properties descriptor = new Properties();
        try (Reader reader = Files.newBufferedReader(DESCRIPTORS.resolve("stable-plugin-descriptor.properties"),
                StandardCharsets.UTF_8)) {
            descriptor.load(reader);
        }

        assertThat(descriptor.stringPropertyNames()).containsExactlyInAnyOrder("name", "description", "version",
                "elasticsearch.version", "java.version", "modular");
        assertThat(descriptor.getProperty("elasticsearch.version")).isEqualTo(pluginApiManifest().getValue(
                "Implementation-Version"));
        assertThat(descriptor.getProperty("java.version")).isEqualTo(String.valueOf(compiledJavaRelease()));
        assertThat(descriptor.getProperty("modular")).isEqualTo("false");
    }

    @Test
    void lucene_on_the_classpath_is_the_one_elasticsearch_ships() throws Exception {
        assertThat(Version.LATEST.toString()).isEqualTo(pluginApiManifest().getValue("X-Compile-Lucene-Version"));
    }

    private static List<Class<?>> namedComponentClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                .map(file -> CLASSES.relativize(file).toString().replace(".class", "").replace(File.separatorChar, '.'))
                .map(PluginDescriptorsTest::load)
                .filter(type -> type.isAnnotationPresent(NamedComponent.class))
                .<Class<?>>map(type -> type)
                .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PluginDescriptorsTest.class.getClassLoader());
        }
        catch (ClassNotFoundException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Attributes pluginApiManifest() throws Exception {
        Path jar = Path.of(NamedComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }

    /** The Java release our classes were compiled for, from a class file's major version. */
    private static int compiledJavaRelease() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("com/shucheng/pinyin/PinyinTokenizer.class"));
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort() - 44;
        }
    }

}
