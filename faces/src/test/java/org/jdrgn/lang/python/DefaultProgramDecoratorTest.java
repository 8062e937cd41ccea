package org.jdrgn.lang.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * drgn.helpers.common.prog's decorators on a bare Program: which program and object each call
 * form resolves to (upstream's rules, drgn 0.0.24+), and the definitions they refuse.
 */
class DefaultProgramDecoratorTest {
    @Test
    void callFormsResolveAsUpstreamSays() {
        String out = PythonHarness.out(null, """
                import drgn
                from drgn import Object, Program, NoDefaultProgramError
                from drgn.helpers.common.prog import takes_program_or_default, takes_object_or_program_or_default
                a, b = Program(), Program()
                name = lambda p: 'a' if p is a else 'b' if p is b else repr(p)

                @takes_program_or_default
                def one(prog, n, *, k=0):
                    return f'{name(prog)} {int(n)} {k}'

                @takes_program_or_default
                def none(prog):
                    return name(prog)

                @takes_object_or_program_or_default
                def two(prog, obj, n):
                    return f'{name(prog)} {None if obj is None else int(obj)} {int(n)}'

                @takes_object_or_program_or_default
                def bare(prog, obj):
                    return f'{name(prog)} {None if obj is None else int(obj)}'

                drgn.set_default_prog(None)
                for f in (lambda: one(1), lambda: none(), lambda: two(1), lambda: bare()):
                    try:
                        f()
                    except NoDefaultProgramError:
                        print('NoDefaultProgramError')
                print(one(a, 1), '|', one(Object(b, 'int', 2)), '|', one(n=Object(b, 'int', 3), k=4), '|', one(prog=a, n=5))
                print(two(a, 1), '|', two(Object(b, 'int', 7), 1), '|', two(Object(b, 'int', 8)), '|', two(n=Object(b, 'int', 9)))
                print(two(obj=Object(b, 'int', 6), n=1), '|', two(prog=a, n=2), '|', bare(a), '|', bare(Object(b, 'int', 3)))
                drgn.set_default_prog(a)
                print(one(1), '|', none(), '|', two(1), '|', bare(), '|', one(Object(b, 'int', 2)))
                for bad in ('def f(p, n): pass', 'def f(prog, obj, n=1): pass'):
                    try:
                        ns = {}
                        exec(bad, ns)
                        (takes_program_or_default if 'p,' in bad else takes_object_or_program_or_default)(ns['f'])
                    except (TypeError, ValueError) as e:
                        print(type(e).__name__)
                """);
        assertEquals("""
                NoDefaultProgramError
                NoDefaultProgramError
                NoDefaultProgramError
                NoDefaultProgramError
                a 1 0 | b 2 0 | b 3 4 | a 5 0
                a None 1 | b 7 1 | b None 8 | b None 9
                b 6 1 | a None 2 | a None | b 3
                a 1 0 | a | a None 1 | a None | b 2 0
                TypeError
                ValueError
                """, out);
    }
}
