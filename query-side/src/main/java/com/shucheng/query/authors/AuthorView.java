package com.shucheng.query.authors;

/** An author and how many active books credit them. */
record AuthorView(String name, int books) {
}
