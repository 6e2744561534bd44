package com.shucheng.query.authors;

import com.shucheng.query.system.NameCountPageView;
import com.shucheng.query.system.NameCounts;
import com.shucheng.query.system.ReadsFrom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/authors")
@ReadsFrom(AuthorsProjection.GROUP)
class AuthorsController {

    private final JdbcClient db;

    AuthorsController(JdbcClient db) {
        this.db = db;
    }

    /** Authors of active books with their counts ({@code query.author}, indexed by name and by count). */
    @GetMapping
    NameCountPageView authors(@RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "20") int size) {
        return NameCounts.page(db, "query.author", sort, page, size);
    }
}
