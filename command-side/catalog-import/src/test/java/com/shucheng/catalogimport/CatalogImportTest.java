package com.shucheng.catalogimport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogImportTest {

    @Test
    void bad_arguments_exit_with_2() {
        assertThat(CatalogImport.run(new String[0])).isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"export"})).isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"import", "--file", "x.ndjson"})).isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"import", "--url", "ftp://host", "--file", "x"}))
                .isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"import", "--url", "http://h", "--file", "x", "--concurrency", "0"}))
                .isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"import", "--url", "http://h", "--file", "x", "--progress", "loud"}))
                .isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"import", "--url=http://h", "--file=x", "--colour", "red"}))
                .isEqualTo(CatalogImport.EXIT_USAGE);
        assertThat(CatalogImport.run(new String[] {"build-poetry", "--out", "x", "--limit", "many"}))
                .isEqualTo(CatalogImport.EXIT_USAGE);
    }

    @Test
    void help_is_not_an_error() {
        assertThat(CatalogImport.run(new String[] {"--help"})).isZero();
    }
}
