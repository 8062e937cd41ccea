package org.jdrgn.index;

/**
 * What a cached table was built from: the debug file's build-id (the cache file's name), and
 * its size and modification time as a guard against a rebuilt file that kept its build-id.
 */
record CacheKey(String buildId, long fileSize, long mtimeMillis) {
    CacheKey {
        if (!buildId.matches("[0-9a-f]{2,128}")) throw new IllegalArgumentException("bad build-id " + buildId);
    }

    byte[] buildIdBytes() { return java.util.HexFormat.of().parseHex(buildId); }
}
