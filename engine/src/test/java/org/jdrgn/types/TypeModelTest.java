package org.jdrgn.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdrgn.error.TypeErrorException;
import org.junit.jupiter.api.Test;

/** Identity equality, laziness, structural equivalence and alignment of the model. */
class TypeModelTest {
    private static final IntType INT = new IntType("int", 4, true);

    @Test
    void equalityIsIdentityAsInDrgn() {
        // drgn 0.0.22: prog.int_type('int', 4, True) == prog.int_type('int', 4, True) is False
        IntType other = new IntType("int", 4, true);
        assertNotEquals(INT, other);
        assertEquals(INT, INT);
        assertSame(INT, INT.qualified(Qualifiers.NONE));
        Type c = INT.qualified(Qualifiers.CONST);
        assertTrue(c.qualifiers().isConst());
        assertFalse(c.unqualified().qualifiers().isConst());
        assertTrue(TypeEquivalence.equivalent(INT, other));
    }

    @Test
    void lazyMemberTypeIsEvaluatedOnceAcrossThreads() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LazyType lazy = LazyType.of(() -> {
            calls.incrementAndGet();
            return new PointerType(INT);
        });
        TypeMember m = new TypeMember(lazy, "p", 0, 0);
        assertFalse(lazy.isEvaluated());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Type>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) results.add(pool.submit(() -> { start.await(); return m.type(); }));
            start.countDown();
            Type first = results.get(0).get();
            for (Future<Type> f : results) assertSame(first, f.get());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, calls.get());
        assertTrue(lazy.isEvaluated());
    }

    @Test
    void failedLazyEvaluationIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        LazyType lazy = LazyType.of(() -> {
            if (calls.incrementAndGet() == 1) throw new TypeErrorException("first try fails");
            return INT;
        });
        assertThrows(TypeErrorException.class, lazy::get);
        assertSame(INT, lazy.get());
        assertEquals(2, calls.get());
    }

    @Test
    void everyOracleTypeBuiltTwiceIsEquivalentButNotEqual() throws Exception {
        int n = 0;
        for (OracleFile.Entry e : OracleFile.load("type_oracle.txt").entries()) {
            if (!e.header().startsWith("type ")) continue;
            Type a = TypeSpec.build(e.get("spec")), b = TypeSpec.build(e.get("spec"));
            assertTrue(TypeEquivalence.equivalent(a, b), e.header());
            if (!(a instanceof VoidType)) assertNotEquals(a, b, e.header());
            n++;
        }
        assertTrue(n > 100);
        Type point = TypeSpec.build("(struct \"p\" 8 ((m (int \"int\" 4 1 q0 c little) \"x\" 0 0)) q0 c)");
        Type renamed = TypeSpec.build("(struct \"p\" 8 ((m (int \"int\" 4 1 q0 c little) \"y\" 0 0)) q0 c)");
        assertFalse(TypeEquivalence.equivalent(point, renamed));
    }

    @Test
    void alignmentFollowsGcc() {
        // gcc 12 x86-64: _Alignof(struct {unsigned a:3; long d:40;}) == 8,
        // struct {char c; short s;} == 2, struct {int a; struct {char c; double d;};} == 8,
        // long double == 16, char[3] == 1, void * == 8
        IntType uint = new IntType("unsigned int", 4, false), lng = new IntType("long", 8, true);
        IntType chr = new IntType("char", 1, true), shrt = new IntType("short", 2, true);
        CompoundType bits = CompoundType.of(TypeKind.STRUCT, "bits", 8,
                List.of(new TypeMember(uint, "a", 0, 3), new TypeMember(lng, "d", 3, 40)));
        CompoundType mix = CompoundType.of(TypeKind.STRUCT, "mix", 4,
                List.of(new TypeMember(chr, "c", 0), new TypeMember(shrt, "s", 16)));
        CompoundType inner = CompoundType.of(TypeKind.STRUCT, null, 16,
                List.of(new TypeMember(chr, "c", 0), new TypeMember(new FloatType("double", 8), "d", 64)));
        CompoundType nested = CompoundType.of(TypeKind.STRUCT, "nested", 24,
                List.of(new TypeMember(INT, "a", 0), new TypeMember(inner, null, 64)));
        assertEquals(8, bits.alignof());
        assertEquals(2, mix.alignof());
        assertEquals(8, nested.alignof());
        assertEquals(16, new FloatType("long double", 16).alignof());
        assertEquals(1, new ArrayType(chr, 3L).alignof());
        assertEquals(8, new PointerType(VoidType.C).alignof());
        assertThrows(TypeErrorException.class, () -> VoidType.C.alignof());
    }
}
