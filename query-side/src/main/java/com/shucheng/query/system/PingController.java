package com.shucheng.query.system;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest request this JVM can answer: no database, no JSON. Benchmarks measure it next to
 * each read endpoint in the same run, so a figure says how much the endpoint's own work costs on
 * top of the HTTP stack (scripts/bench.sh, docs/benchmarks.md).
 */
@RestController
class PingController {

    @GetMapping(path = "/ping", produces = MediaType.TEXT_PLAIN_VALUE)
    String ping() {
        return "pong";
    }
}
