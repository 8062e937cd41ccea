# str() of every stack frame of every thread (threads by tid). Run by drgn 0.0.22 to make
# <core>.frames.txt (make with testcores' run tree present) and by jdrgn in StackFrameStrTest.
for t in sorted(prog.threads(), key=lambda t: t.tid):
    print(f"thread {t.tid}")
    for f in t.stack_trace():
        print(str(f))
