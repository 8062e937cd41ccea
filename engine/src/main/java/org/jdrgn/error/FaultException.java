package org.jdrgn.error;

/** drgn's FaultError: a read of memory that is not in the dump; carries the address. */
public final class FaultException extends DrgnException {
    private final long address;

    public FaultException(String message, long address) {
        super(message + ": 0x" + Long.toHexString(address));
        this.address = address;
    }

    /** drgn's wording: "could not find memory segment: 0x..." */
    public static FaultException unmapped(long address) {
        return new FaultException("could not find memory segment", address);
    }

    /** The faulting address (unsigned 64-bit in a long). */
    public long address() { return address; }

    /** The message without the address suffix, as drgn's FaultError.message. */
    public String bareMessage() {
        String m = getMessage();
        return m.substring(0, m.lastIndexOf(": 0x"));
    }
}
