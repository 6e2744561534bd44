package com.shucheng.query.categories;

import com.shucheng.query.system.NameCountPageView;
import com.shucheng.query.system.NameCounts;
import com.shucheng.query.system.ReadsFrom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
@ReadsFrom(CategoriesProjection.GROUP)
class CategoriesController {

    private final JdbcClient db;

    CategoriesController(JdbcClient db) {
        this.db = db;
    }

    /** Categories of active books with their counts ({@code query.category}, indexed by name and by count). */
    @GetMapping
    NameCountPageView categories(@RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return NameCounts.page(db, "query.category", sort, page, size);
    }
}
