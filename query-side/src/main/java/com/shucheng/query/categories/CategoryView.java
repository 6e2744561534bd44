package com.shucheng.query.categories;

/** A category and how many active books it holds. */
record CategoryView(String name, int books) {
}
