package com.shucheng.query.system;

import java.util.List;

/** One page of names with their book counts, and how many names there are in all. */
public record NameCountPageView(List<NameCountView> items, int page, int size, long total) {
}
