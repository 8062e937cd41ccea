package org.jdrgn.lang.js;

import org.graalvm.polyglot.HostAccess.Export;
import org.jdrgn.types.TypeMember;

/** The Java object behind a JS {@code drgn.TypeMember}: its type is resolved on first use. */
public final class JsTypeMember {
    private final JsProgram prog;
    private final TypeMember member;

    JsTypeMember(JsProgram prog, TypeMember member) {
        this.prog = prog;
        this.member = member;
    }

    @Export public String name() { return member.name(); }

    @Export public JsType type() { return prog.rt.call(() -> new JsType(prog, member.type())); }

    @Export public long bitOffset() { return member.bitOffset(); }

    /** The byte offset: ValueError for a bit field that does not start on a byte. */
    @Export public long offset() { return prog.rt.call(member::offset); }

    /** 0 when the member is not a bit field. */
    @Export public long bitFieldSize() { return member.bitFieldSize(); }
}
