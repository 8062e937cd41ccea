package org.jdrgn.linux;

import org.jdrgn.error.LookupException;
import org.jdrgn.objects.ObjectContext;
import org.jdrgn.types.Type;
import org.jdrgn.types.TypeMember;

/**
 * Where the fields of the lockless ringbuffer's entries are (Linux 5.10+ kernel/printk/
 * printk_ringbuffer.h), from the kernel's own types so other configurations read right.
 * Offsets in bytes; a bit field as its bit offset and width; -1 for a member this kernel lacks.
 */
public record PrintkLayout(long descSize, long stateVarOff, long lposBeginOff, long lposNextOff,
                           long infoSize, long seqOff, long tsOff, long textLenOff, long facilityOff,
                           long flagsBitOff, long flagsBits, long levelBitOff, long levelBits,
                           long callerIdOff, long subsystemOff, int subsystemLen, long deviceOff, int deviceLen) {

    public static PrintkLayout of(ObjectContext ctx) {
        Type desc = struct(ctx, "struct prb_desc");
        Type lpos = struct(ctx, "struct prb_data_blk_lpos");
        Type info = struct(ctx, "struct printk_info");
        long textBlk = ctx.member(desc, "text_blk_lpos").offset();
        TypeMember flags = ctx.member(info, "flags");
        TypeMember level = ctx.member(info, "level");
        long callerId = optionalOffset(ctx, info, "caller_id");
        long subsystem = -1, device = -1;
        int subsystemLen = 0, deviceLen = 0;
        if (info.hasMember("dev_info")) {
            long dev = ctx.member(info, "dev_info").offset();
            Type devInfo = ctx.member(info, "dev_info").type().underlying();
            TypeMember s = ctx.member(devInfo, "subsystem");
            TypeMember d = ctx.member(devInfo, "device");
            subsystem = dev + s.offset();
            subsystemLen = (int) s.type().sizeof();
            device = dev + d.offset();
            deviceLen = (int) d.type().sizeof();
        }
        return new PrintkLayout(desc.sizeof(), ctx.member(desc, "state_var").offset(),
                textBlk + ctx.member(lpos, "begin").offset(), textBlk + ctx.member(lpos, "next").offset(),
                info.sizeof(), ctx.member(info, "seq").offset(), ctx.member(info, "ts_nsec").offset(),
                ctx.member(info, "text_len").offset(), ctx.member(info, "facility").offset(),
                flags.bitOffset(), bits(flags), level.bitOffset(), bits(level),
                callerId, subsystem, subsystemLen, device, deviceLen);
    }

    private static Type struct(ObjectContext ctx, String name) {
        try {
            return ctx.type(name).underlying();
        } catch (LookupException e) {
            throw new LookupException("kernel has no " + name + " (the lockless printk ringbuffer of Linux 5.10+): " + e.getMessage());
        }
    }

    private static long bits(TypeMember m) { return m.isBitField() ? m.bitFieldSize() : 8 * m.type().sizeof(); }

    private static long optionalOffset(ObjectContext ctx, Type t, String name) {
        return t.hasMember(name) ? ctx.member(t, name).offset() : -1;
    }
}
