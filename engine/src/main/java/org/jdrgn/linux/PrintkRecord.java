package org.jdrgn.linux;

import java.util.Map;

/**
 * One record of the kernel log (drgn's {@code PrintkRecord}).
 *
 * @param text         the message, without a trailing newline (a defensive copy is kept)
 * @param facility     syslog facility
 * @param level        log level
 * @param seq          sequence number
 * @param timestamp    nanoseconds since boot (an unsigned 64-bit value)
 * @param callerTid    thread ID of the task that logged it, null when logged outside task context
 * @param callerCpu    CPU that logged it outside task context, else null
 * @param continuation whether it continues the previous record (LOG_CONT)
 * @param context      /dev/kmsg metadata ("SUBSYSTEM", "DEVICE"), only the keys the record has
 */
public record PrintkRecord(byte[] text, int facility, int level, long seq, long timestamp,
                           Long callerTid, Long callerCpu, boolean continuation, Map<String, byte[]> context) {
    public PrintkRecord {
        text = text.clone();
        context = Map.copyOf(context);
    }

    @Override public byte[] text() { return text.clone(); }
}
