package org.jdrgn.core;

/** makedumpfile's page_desc_t: where one dumped page's data is, its stored size and flags. */
public record PageDescriptor(long offset, int size, int flags, long pageFlags) {
    static final int SIZE = 24;
}
