/** Opening a dump of either target: {@code DumpLoader} picks the loader from what the file is. */
package org.jdrgn.program.load;
