package com.shucheng.catalogimport.poetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PricingTest {

    @Test
    void the_same_isbn_always_gets_the_same_terms() {
        assertThat(Pricing.of("9787940000123")).isEqualTo(Pricing.of("9787940000123"));
    }

    @Test
    void prices_are_shelf_prices_in_yuan_with_two_decimals_and_counts_are_small() {
        Set<BigDecimal> prices = new HashSet<>();
        for (int index = 0; index < 10_000; index++) {
            Pricing.Terms terms = Pricing.of(GeneratedIsbn.of(95, index));
            assertThat(terms.price().scale()).isEqualTo(2);
            assertThat(terms.price()).isBetween(new BigDecimal("12.00"), new BigDecimal("68.90"));
            assertThat(terms.price().remainder(BigDecimal.ONE).toPlainString()).isIn("0.00", "0.50", "0.80", "0.90");
            assertThat(terms.lendableCopies()).isBetween(0, 5);
            assertThat(terms.stock()).isBetween(0, 99);
            prices.add(terms.price());
        }
        assertThat(prices).hasSizeGreaterThan(200);
    }
}
