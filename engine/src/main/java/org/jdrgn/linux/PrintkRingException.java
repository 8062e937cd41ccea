package org.jdrgn.linux;

import org.jdrgn.error.DrgnException;

/** The printk ringbuffer in memory is not one the kernel could have written (a damaged dump). */
public final class PrintkRingException extends DrgnException {
    private final long address;

    public PrintkRingException(long address, String message) {
        super("printk ringbuffer at 0x" + Long.toHexString(address) + ": " + message);
        this.address = address;
    }

    /** Address of the struct printk_ringbuffer. */
    public long address() { return address; }
}
