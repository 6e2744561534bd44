package com.shucheng.query.system;

/** A name (an author, a category) and how many active books it has. */
public record NameCountView(String name, int books) {
}
